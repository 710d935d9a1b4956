package dev.suppression.provider;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings shared by all webhooks ({@code suppression.providers.*}).
 *
 * @param timestampTolerance how old a signed timestamp may be before the request is refused as a replay
 */
@Validated
@ConfigurationProperties("suppression.providers")
public record WebhookSettings(@NotNull @DefaultValue("5m") Duration timestampTolerance) {
}
