package dev.suppression.suppression;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Probation after an ops clear ({@code suppression.probation.*}).
 *
 * @param duration how long a cleared address stays on probation: a hard bounce inside it re-suppresses the
 *                 address and makes the next clear need {@code force=true}
 */
@Validated
@ConfigurationProperties("suppression.probation")
public record ProbationSettings(@NotNull @DefaultValue("30d") Duration duration) {
}
