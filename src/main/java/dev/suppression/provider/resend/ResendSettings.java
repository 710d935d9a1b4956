package dev.suppression.provider.resend;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Resend's webhooks ({@code suppression.providers.resend.*}).
 *
 * @param signingSecret the endpoint's signing secret as Resend shows it under Webhooks ({@code whsec_} followed
 *                      by base64); unset, {@code POST /webhooks/resend} answers 404
 */
@ConfigurationProperties("suppression.providers.resend")
public record ResendSettings(@Nullable String signingSecret) {
}
