package dev.suppression.providersync;

import dev.suppression.outbox.Backoff;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The connections to the ESPs' own suppression lists ({@code suppression.provider-sync.*}). Each provider is off
 * until its API key is set; keys are never logged ({@code toString} hides them).
 *
 * @param pollInterval how often the outbox is read for retries and for actions a restart left behind
 * @param firstRetry   the wait after a failed call; it doubles with each failure
 * @param maxRetry     the longest wait between two attempts (a provider's own rate-limit wait is honoured as given)
 * @param maxAttempts  failed calls (429 waits not counted) after which an action is {@code failed}
 * @param timeout      connect and response timeout of one API call
 * @param confirmAfter how long after an accepted removal an eventually consistent list (Postmark, Mailgun) is read
 *                     back before the removal counts as done
 * @param importCron   when every connected provider's list is imported again (Spring cron; {@code -}: never)
 */
@Validated
@ConfigurationProperties("suppression.provider-sync")
public record ProviderSyncSettings(
        @NotNull @DefaultValue("5s") Duration pollInterval,
        @NotNull @DefaultValue("10s") Duration firstRetry,
        @NotNull @DefaultValue("1h") Duration maxRetry,
        @DefaultValue("20") int maxAttempts,
        @NotNull @DefaultValue("10s") Duration timeout,
        @NotNull @DefaultValue("1m") Duration confirmAfter,
        @NotNull @DefaultValue("-") String importCron,
        @NotNull @DefaultValue SendGrid sendgrid,
        @NotNull @DefaultValue Postmark postmark,
        @NotNull @DefaultValue Mailgun mailgun,
        @NotNull @DefaultValue SparkPost sparkpost,
        @NotNull @DefaultValue Resend resend,
        @NotNull @DefaultValue Ses ses) {

    public ProviderSyncSettings {
        for (var duration : new Duration[] {pollInterval, firstRetry, maxRetry, timeout, confirmAfter}) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("suppression.provider-sync durations must be positive, not " + duration);
            }
        }
        if (maxRetry.compareTo(firstRetry) < 0) {
            throw new IllegalArgumentException("suppression.provider-sync.max-retry must be at least first-retry");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("suppression.provider-sync.max-attempts must be at least 1");
        }
    }

    Backoff backoff() {
        return new Backoff(firstRetry, maxRetry);
    }

    /** What every provider's block says: whether its key is set (connected), and whether ours are added to it. */
    interface Connection {
        boolean connected();

        boolean addOnSuppress();
    }

    private static String hidden(@Nullable String secret) {
        return secret == null || secret.isBlank() ? "unset" : "(set)";
    }

    private static boolean present(@Nullable String secret) {
        return secret != null && !secret.isBlank();
    }

    /**
     * SendGrid v3: removes from bounces, blocks, invalid emails and spam reports; it has no endpoint to add to them.
     *
     * @param apiKey  an API key with Suppressions full access; unset: not connected
     * @param baseUrl {@code https://api.sendgrid.com}, or {@code https://api.eu.sendgrid.com} for EU subusers
     */
    public record SendGrid(@Nullable String apiKey, @NotNull @DefaultValue("https://api.sendgrid.com") URI baseUrl) implements Connection {
        public boolean connected() {
            return present(apiKey);
        }

        /** SendGrid's v3 API removes from these lists but has no endpoint to add to them. */
        @Override
        public boolean addOnSuppress() {
            return false;
        }

        @Override
        public String toString() {
            return "SendGrid[apiKey=" + hidden(apiKey) + ", baseUrl=" + baseUrl + "]";
        }
    }

    /**
     * Postmark, per message stream; removals and additions are asynchronous and read back before counted.
     *
     * @param serverToken    the server API token ({@code X-Postmark-Server-Token}); unset: not connected
     * @param messageStreams the streams whose suppression lists follow ours
     * @param addOnSuppress  add our suppressions to those lists
     */
    public record Postmark(@Nullable String serverToken,
                           @NotNull @DefaultValue("https://api.postmarkapp.com") URI baseUrl,
                           @NotNull @DefaultValue("outbound") List<String> messageStreams,
                           @DefaultValue("true") boolean addOnSuppress) implements Connection {
        public boolean connected() {
            return present(serverToken) && !messageStreams.isEmpty();
        }

        @Override
        public String toString() {
            return "Postmark[serverToken=" + hidden(serverToken) + ", baseUrl=" + baseUrl + ", messageStreams="
                    + messageStreams + ", addOnSuppress=" + addOnSuppress + "]";
        }
    }

    /**
     * Mailgun, per sending domain: bounces, complaints and unsubscribes.
     *
     * @param apiKey  the private API key (basic auth as {@code api}); unset: not connected
     * @param baseUrl {@code https://api.mailgun.net}, or {@code https://api.eu.mailgun.net} for EU domains
     * @param domains the sending domains whose lists follow ours; required
     */
    public record Mailgun(@Nullable String apiKey, @NotNull @DefaultValue("https://api.mailgun.net") URI baseUrl,
                          @NotNull @DefaultValue("") List<String> domains,
                          @DefaultValue("true") boolean addOnSuppress) implements Connection {
        public boolean connected() {
            return present(apiKey) && domains.stream().anyMatch(d -> !d.isBlank());
        }

        @Override
        public String toString() {
            return "Mailgun[apiKey=" + hidden(apiKey) + ", baseUrl=" + baseUrl + ", domains=" + domains
                    + ", addOnSuppress=" + addOnSuppress + "]";
        }
    }

    /**
     * SparkPost's account suppression list (transactional and non-transactional); Compliance entries cannot be
     * removed.
     *
     * @param baseUrl {@code https://api.sparkpost.com}, or {@code https://api.eu.sparkpost.com}
     */
    public record SparkPost(@Nullable String apiKey, @NotNull @DefaultValue("https://api.sparkpost.com") URI baseUrl,
                            @DefaultValue("true") boolean addOnSuppress) implements Connection {
        public boolean connected() {
            return present(apiKey);
        }

        @Override
        public String toString() {
            return "SparkPost[apiKey=" + hidden(apiKey) + ", baseUrl=" + baseUrl + ", addOnSuppress=" + addOnSuppress + "]";
        }
    }

    /** Resend's team suppression list (a beta API). */
    public record Resend(@Nullable String apiKey, @NotNull @DefaultValue("https://api.resend.com") URI baseUrl,
                         @DefaultValue("true") boolean addOnSuppress) implements Connection {
        public boolean connected() {
            return present(apiKey);
        }

        @Override
        public String toString() {
            return "Resend[apiKey=" + hidden(apiKey) + ", baseUrl=" + baseUrl + ", addOnSuppress=" + addOnSuppress + "]";
        }
    }

    /**
     * Amazon SES v2's account-level suppression list, signed with SigV4.
     *
     * @param baseUrl unset: {@code https://email.<region>.amazonaws.com}
     */
    public record Ses(@Nullable String accessKeyId, @Nullable String secretAccessKey,
                      @NotNull @DefaultValue("us-east-1") String region, @Nullable URI baseUrl,
                      @DefaultValue("true") boolean addOnSuppress) implements Connection {
        public boolean connected() {
            return present(accessKeyId) && present(secretAccessKey);
        }

        URI endpoint() {
            return baseUrl != null ? baseUrl : URI.create("https://email." + region + ".amazonaws.com");
        }

        @Override
        public String toString() {
            return "Ses[accessKeyId=" + hidden(accessKeyId) + ", secretAccessKey=" + hidden(secretAccessKey)
                    + ", region=" + region + ", baseUrl=" + baseUrl + ", addOnSuppress=" + addOnSuppress + "]";
        }
    }
}
