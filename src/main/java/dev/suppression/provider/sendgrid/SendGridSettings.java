package dev.suppression.provider.sendgrid;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * SendGrid's signed Event Webhook ({@code suppression.providers.sendgrid.*}).
 *
 * @param verificationKey the base64 public key SendGrid shows under Mail Settings, Signed Event Webhook;
 *                        unset, {@code POST /webhooks/sendgrid} answers 404
 */
@ConfigurationProperties("suppression.providers.sendgrid")
public record SendGridSettings(@Nullable String verificationKey) {
}
