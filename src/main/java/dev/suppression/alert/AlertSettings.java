package dev.suppression.alert;

import dev.suppression.outbox.Backoff;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The ops webhook ({@code suppression.alerts.*}).
 *
 * @param webhookUrl      where alerts are POSTed (Slack incoming webhooks take the {@code text}); unset: no alerts
 * @param signingSecret   the HMAC-SHA256 key of the {@code X-Suppression-Signature} header; required with a URL
 * @param serviceUrl      this service's base URL as ops reach it, for the diagnosis link in each alert
 * @param onSmallCluster  also alert when a domain's cluster first reaches {@code SMALL_CLUSTER}, not only on a pause
 * @param pollInterval    how often the outbox is read for alerts due (each commit also wakes it)
 * @param firstRetry      the wait after a failed delivery; it doubles with each failure
 * @param maxRetry        the longest wait between two attempts; an alert is retried until it is delivered
 * @param timeout         connect and response timeout of one delivery
 */
@Validated
@ConfigurationProperties("suppression.alerts")
public record AlertSettings(
        @Nullable URI webhookUrl,
        @Nullable String signingSecret,
        @NotNull @DefaultValue("http://localhost:8080") URI serviceUrl,
        @DefaultValue("true") boolean onSmallCluster,
        @NotNull @DefaultValue("5s") Duration pollInterval,
        @NotNull @DefaultValue("10s") Duration firstRetry,
        @NotNull @DefaultValue("1h") Duration maxRetry,
        @NotNull @DefaultValue("5s") Duration timeout) {

    public AlertSettings {
        if (webhookUrl != null) {
            var scheme = webhookUrl.getScheme();
            if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || webhookUrl.getHost() == null) {
                throw new IllegalArgumentException("suppression.alerts.webhook-url must be an http(s) URL, not " + webhookUrl);
            }
            if (signingSecret == null || signingSecret.isBlank()) {
                throw new IllegalArgumentException("suppression.alerts.signing-secret is required with a webhook URL:"
                        + " receivers check the X-Suppression-Signature header with it");
            }
        }
        for (var duration : new Duration[] {pollInterval, firstRetry, maxRetry, timeout}) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("suppression.alerts durations must be positive, not " + duration);
            }
        }
        if (maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("suppression.alerts.max-retry must be at least first-retry");
        }
    }

    boolean enabled() {
        return webhookUrl != null;
    }

    /** The wait after the {@code attempts}-th failed delivery: first-retry, doubled each time, at most max-retry. */
    Duration backoffAfter(int attempts) {
        return new Backoff(firstRetry, maxRetry).after(attempts);
    }
}
