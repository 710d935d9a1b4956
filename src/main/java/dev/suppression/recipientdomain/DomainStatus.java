package dev.suppression.recipientdomain;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A domain's cluster level and pause, as the check endpoint and the domain view show it. */
public record DomainStatus(String domain, ClusterLevel level, boolean paused, @Nullable Instant pausedAt,
                           boolean exempt, long distinctAddresses, Instant windowStart) {
}
