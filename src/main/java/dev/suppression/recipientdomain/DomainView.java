package dev.suppression.recipientdomain;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Everything ops need about one domain: level, pause, guidance and the addresses that make the cluster. */
public record DomainView(String domain, ClusterLevel level, boolean paused, @Nullable Instant pausedAt,
                         boolean exempt, long distinctAddresses, Instant windowStart, String guidance,
                         List<BouncedAddress> addresses) {
}
