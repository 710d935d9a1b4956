package dev.suppression.bounce;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounce ingestion limits ({@code suppression.ingestion.*}).
 *
 * @param maxBatchSize   the most events one {@code POST /bounces} takes; more is a 413
 * @param maxFutureSkew  how far in the future an {@code occurredAt} may lie (clock skew) before the event is refused
 */
@Validated
@ConfigurationProperties("suppression.ingestion")
public record IngestionSettings(@Min(1) @Max(100_000) @DefaultValue("1000") int maxBatchSize,
                                @NotNull @DefaultValue("1h") Duration maxFutureSkew) {
}
