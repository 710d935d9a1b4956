package dev.suppression.recipientdomain;

import dev.suppression.address.DomainName;
import java.time.Instant;
import java.util.List;

/**
 * A domain's hard bounces reached {@code SMALL_CLUSTER} or more for the first time in this cluster (once per
 * cluster, not per bounce). Published inside the counting transaction: a listener that writes joins it, one
 * that looks something up must wait for the commit.
 *
 * @param rejectingHosts the hosts that refused the most addresses, each with its count ("mx.example (2)")
 */
public record ClusterFormed(DomainName domain, ClusterLevel level, long distinctAddresses, Instant windowStart,
                            Instant at, List<String> rejectingHosts) {
}
