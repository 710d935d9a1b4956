package dev.suppression.access;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Per-key token buckets, one per role an endpoint needs ({@code suppression.rate-limit.<role>.*}).
 * A rate of 0 turns the limit off; it is off by default for {@code check}, the hot path before every send.
 */
@Validated
@ConfigurationProperties("suppression.rate-limit")
public record RateLimitSettings(@NotNull @DefaultValue Limit check,
                                @NotNull @DefaultValue Limit ingest,
                                @NotNull @DefaultValue Limit ops,
                                @NotNull @DefaultValue Limit admin) {

    public RateLimitSettings {
        // Defaults per role, applied only where nothing was configured.
        check = check.orDefault(0, 0);
        ingest = ingest.orDefault(100, 200);
        ops = ops.orDefault(50, 100);
        admin = admin.orDefault(20, 40);
    }

    Limit forRole(Role role) {
        return switch (role) {
            case CHECK -> check;
            case INGEST -> ingest;
            case OPS -> ops;
            case ADMIN -> admin;
        };
    }

    /**
     * @param requestsPerSecond sustained rate; 0 = unlimited, -1 = use the role's default
     * @param burst             bucket size; -1 = use the role's default
     */
    public record Limit(@Min(-1) @DefaultValue("-1") double requestsPerSecond, @Min(-1) @DefaultValue("-1") int burst) {

        Limit orDefault(double defaultRate, int defaultBurst) {
            var rate = requestsPerSecond < 0 ? defaultRate : requestsPerSecond;
            var size = burst < 0 ? (requestsPerSecond < 0 ? defaultBurst : (int) Math.max(1, Math.ceil(rate * 2))) : burst;
            return new Limit(rate, size);
        }

        boolean enabled() {
            return requestsPerSecond > 0;
        }
    }
}
