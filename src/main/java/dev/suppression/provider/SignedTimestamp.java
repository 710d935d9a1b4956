package dev.suppression.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Refuses signed timestamps outside the tolerance: an old signature replayed is still a valid signature. */
@Component
public class SignedTimestamp {

    private final Clock clock;
    private final Duration tolerance;

    SignedTimestamp(Clock clock, WebhookSettings settings) {
        this.clock = clock;
        this.tolerance = settings.timestampTolerance();
    }

    /** Checks a Unix-seconds timestamp as the provider signed it. */
    public Instant requireFresh(@Nullable String unixSeconds, String provider) {
        if (unixSeconds == null || !unixSeconds.strip().matches("\\d{1,12}")) {
            throw new WebhookAuthenticationException("The " + provider + " signature timestamp is missing or malformed.");
        }
        var at = Instant.ofEpochSecond(Long.parseLong(unixSeconds.strip()));
        var now = clock.instant();
        if (at.isBefore(now.minus(tolerance)) || at.isAfter(now.plus(tolerance))) {
            throw new WebhookAuthenticationException("The " + provider + " signature timestamp " + at
                    + " is outside the " + tolerance.toSeconds() + " s tolerance: refused as a replay.");
        }
        return at;
    }
}
