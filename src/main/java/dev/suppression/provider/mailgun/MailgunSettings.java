package dev.suppression.provider.mailgun;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Mailgun's webhooks ({@code suppression.providers.mailgun.*}).
 *
 * @param signingKey the HTTP webhook signing key Mailgun shows under Sending, Webhooks; unset,
 *                   {@code POST /webhooks/mailgun} answers 404
 */
@ConfigurationProperties("suppression.providers.mailgun")
public record MailgunSettings(@Nullable String signingKey) {
}
