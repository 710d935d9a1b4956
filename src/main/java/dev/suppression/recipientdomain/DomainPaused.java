package dev.suppression.recipientdomain;

import dev.suppression.address.DomainName;
import java.time.Instant;

/** The cluster rule paused a domain. Published inside the pausing transaction, once per pause. */
public record DomainPaused(DomainName domain, long distinctAddresses, Instant windowStart, Instant pausedAt) {
}
