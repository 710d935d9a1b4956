package dev.suppression.provider.sparkpost;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SparkPost's event webhook ({@code suppression.providers.sparkpost.*}). SparkPost signs nothing: the webhook is
 * created with authentication type "Basic Auth" and these credentials.
 *
 * @param username the webhook's basic-auth user name; unset, {@code POST /webhooks/sparkpost} answers 404
 * @param password the webhook's basic-auth password; unset, {@code POST /webhooks/sparkpost} answers 404
 */
@ConfigurationProperties("suppression.providers.sparkpost")
public record SparkPostSettings(@Nullable String username, @Nullable String password) {
}
