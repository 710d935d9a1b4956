package dev.suppression.suppression;

import dev.suppression.address.EmailAddress;
import java.time.Instant;

/** Ops cleared the address; published inside the clearing transaction. */
public record AddressCleared(EmailAddress address, Instant at) {
}
