package dev.suppression.bounce;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Retention of raw bounce events ({@code suppression.retention.*}).
 *
 * @param maxAge raw bounce events and rejected events older than this are pruned, except the evidence of
 *               addresses that are suppressed now
 * @param cron   when the pruning job runs (Spring cron syntax; "-" disables it)
 */
@Validated
@ConfigurationProperties("suppression.retention")
public record RetentionSettings(@NotNull @DefaultValue("400d") Duration maxAge,
                               @NotNull @DefaultValue("0 17 3 * * *") String cron) {
}
