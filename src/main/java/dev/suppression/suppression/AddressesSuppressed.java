package dev.suppression.suppression;

import java.util.List;

/** A batch of addresses went on the list in one transaction (hard bounces of one ingestion, an import's chunk). */
public record AddressesSuppressed(List<AddressSuppressed> addresses) {
}
