package dev.suppression.recipientdomain;

import dev.suppression.address.DomainName;
import java.time.Instant;
import java.util.List;

/**
 * The cluster rule paused a domain. Published inside the pausing transaction, once per pause.
 *
 * @param rejectingHosts the hosts that refused the most addresses, each with its count ("mx.example (4)")
 */
public record DomainPaused(DomainName domain, long distinctAddresses, Instant windowStart, Instant pausedAt,
                           List<String> rejectingHosts) {
}
