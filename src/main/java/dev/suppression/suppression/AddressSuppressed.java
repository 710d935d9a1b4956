package dev.suppression.suppression;

import dev.suppression.address.EmailAddress;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The address went on the list (first time or again); published inside the transaction that put it there.
 *
 * @param origin {@code provider:<name>} when it was imported from that provider's own list, else null
 */
public record AddressSuppressed(EmailAddress address, SuppressionReason reason, Instant at, @Nullable String origin) {
}
