package dev.suppression.provider.postmark;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Postmark's webhooks ({@code suppression.providers.postmark.*}). Postmark signs nothing: it authenticates with
 * the HTTP basic credentials put into the webhook URL ({@code https://user:password@host/webhooks/postmark}).
 *
 * @param username the basic-auth user name in the webhook URL; unset, {@code POST /webhooks/postmark} answers 404
 * @param password the basic-auth password in the webhook URL; unset, {@code POST /webhooks/postmark} answers 404
 */
@ConfigurationProperties("suppression.providers.postmark")
public record PostmarkSettings(@Nullable String username, @Nullable String password) {
}
