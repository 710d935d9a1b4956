package dev.suppression.provider.ses;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Amazon SES notifications through Amazon SNS ({@code suppression.providers.ses.*}). Subscribe
 * {@code https://<host>/webhooks/ses} to the SNS topic(s) SES publishes to, with raw message delivery off (the
 * SNS envelope carries the signature). SNS signs the publish time, so the shared
 * {@code suppression.providers.timestamp-tolerance} must cover the topic's HTTP/S delivery retry policy (the
 * default policy retries for about a minute; SNS allows up to an hour).
 *
 * @param topicArns            the SNS topic ARNs whose messages are accepted; any other topic is refused with 401.
 *                             Empty (the default): {@code POST /webhooks/ses} answers 404
 * @param allowedCertHosts     regular expressions, each matching a whole host name, for the hosts SNS signing
 *                             certificates ({@code SigningCertURL}) and subscription URLs ({@code SubscribeURL}) may
 *                             come from, always over https. The default allows {@code sns.<region>.amazonaws.com}
 *                             and the China partition's {@code sns.<region>.amazonaws.com.cn}
 * @param confirmSubscriptions whether a verified {@code SubscriptionConfirmation} for an allowed topic is confirmed
 *                             by visiting its {@code SubscribeURL} (default true); false leaves confirming to an
 *                             operator (SNS console or CLI) and only logs the request
 */
@Validated
@ConfigurationProperties("suppression.providers.ses")
public record SesSettings(
        @NotNull @DefaultValue List<String> topicArns,
        @NotNull @DefaultValue("sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?") List<String> allowedCertHosts,
        @DefaultValue("true") boolean confirmSubscriptions) {
}
