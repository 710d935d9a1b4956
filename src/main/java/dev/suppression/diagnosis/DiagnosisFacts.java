package dev.suppression.diagnosis;

import dev.suppression.address.DomainName;
import dev.suppression.dns.MailRoute;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Everything the finding rules read: the bounces, the route DNS gives now (possibly unknown), the last route
 * seen and the route's history.
 */
record DiagnosisFacts(DomainName domain, List<BounceEvidence> bounces, MailRoute routeNow,
                      @Nullable SeenRoute lastSeenRoute, List<MxChange> mxHistory, Duration mxChangeLookback) {

    Optional<Instant> firstBounce() {
        return bounces.stream().map(BounceEvidence::occurredAt).min(Instant::compareTo);
    }

    Optional<Instant> lastBounce() {
        return bounces.stream().map(BounceEvidence::occurredAt).max(Instant::compareTo);
    }

    /** The route as best known: the one DNS gives now, else the last one seen. */
    Optional<SeenRoute> route() {
        return SeenRoute.of(routeNow).or(() -> Optional.ofNullable(lastSeenRoute));
    }
}
