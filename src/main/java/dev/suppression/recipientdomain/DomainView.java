package dev.suppression.recipientdomain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything ops need about one domain: level, pause, guidance and the addresses that make the cluster.
 * {@code pausedAt} is the time of the last pause, kept after a resume; {@code resumedAt} the time of the last
 * resume, from which the window counts.
 */
public record DomainView(String domain, ClusterLevel level, boolean paused, @Nullable Instant pausedAt,
                         @Nullable Instant resumedAt, boolean exempt, long distinctAddresses, Instant windowStart, String guidance,
                         List<BouncedAddress> addresses) {
}
