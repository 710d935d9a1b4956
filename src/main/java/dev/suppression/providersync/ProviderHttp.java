package dev.suppression.providersync;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one HTTP client of the provider lists, and what every provider's answers share: 429 with the wait it
 * names, 5xx and network errors retried, 401/403 a key to fix. Request headers (the API keys) are never logged.
 */
@Component
class ProviderHttp {

    private static final int MAX_DETAIL = 300;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A provider's own wait is honoured, but a header that says "next year" is not taken at its word. */
    private static final Duration LONGEST_PROVIDER_WAIT = Duration.ofHours(24);

    /** An answer as received. */
    record Reply(int status, HttpHeaders headers, String body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** The call did not get an answer worth reading; carries what to do about it. */
    static final class CallFailed extends Exception {
        private final Outcome outcome;

        CallFailed(Outcome outcome) {
            super(outcome.toString(), null, false, false);
            this.outcome = outcome;
        }

        Outcome outcome() {
            return outcome;
        }
    }

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    ProviderHttp(ProviderSyncSettings settings, Clock clock) {
        this.timeout = settings.timeout();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .header("User-Agent", "suppression-service");
    }

    /** Sends; a network error or timeout is a {@link Outcome.Retry}. */
    Reply send(HttpRequest request) throws CallFailed {
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            var message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            throw new CallFailed(new Outcome.Retry(null, shorten("no answer: " + message)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed(new Outcome.Retry(null, "interrupted"));
        }
    }

    /** Sends and insists on a 2xx (or, deleting, 404: not there is what a delete wants). */
    Reply expectOk(HttpRequest request, boolean notFoundIsFine) throws CallFailed {
        var reply = send(request);
        if (reply.ok() || (notFoundIsFine && reply.status() == 404)) {
            return reply;
        }
        throw new CallFailed(refusal(reply));
    }

    /** What a non-2xx answer means for the action. */
    Outcome refusal(Reply reply) {
        var status = reply.status();
        if (status == 429) {
            var until = rateLimitedUntil(reply.headers());
            return new Outcome.Retry(until, "rate limited (429)" + (until == null ? "" : " until " + until));
        }
        if (status >= 500 || status == 408) {
            return new Outcome.Retry(null, "the API answered " + status);
        }
        if (status == 401 || status == 403) {
            return new Outcome.Failed("the API key was refused (" + status + "): check its permissions"
                    + detail(reply));
        }
        return new Outcome.Failed("the API answered " + status + detail(reply));
    }

    /**
     * When a 429 says to come back: {@code Retry-After} (seconds or an HTTP date), {@code X-RateLimit-Reset} or
     * {@code RateLimit-Reset} (a Unix time, as SendGrid sends it, or seconds from now); null when none says.
     */
    @Nullable Instant rateLimitedUntil(HttpHeaders headers) {
        var now = clock.instant();
        var retryAfter = headers.firstValue("Retry-After");
        if (retryAfter.isPresent()) {
            var value = retryAfter.get().strip();
            try {
                return capped(now, now.plusMillis((long) (Double.parseDouble(value) * 1000)));
            } catch (NumberFormatException notSeconds) {
                try {
                    return capped(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                } catch (DateTimeParseException notADate) {
                    // Fall through to the other headers.
                }
            }
        }
        for (var name : new String[] {"X-RateLimit-Reset", "RateLimit-Reset", "X-Ratelimit-Reset"}) {
            var reset = headers.firstValue(name);
            if (reset.isPresent()) {
                try {
                    var value = (long) Double.parseDouble(reset.get().strip());
                    // A Unix time is far above any wait in seconds a provider would name.
                    return capped(now, value > 1_000_000_000L ? Instant.ofEpochSecond(value) : now.plusSeconds(value));
                } catch (NumberFormatException e) {
                    // Unreadable: the backoff decides.
                }
            }
        }
        return null;
    }

    private static Instant capped(Instant now, Instant at) {
        if (at.isBefore(now)) {
            return now;
        }
        var latest = now.plus(LONGEST_PROVIDER_WAIT);
        return at.isAfter(latest) ? latest : at;
    }

    private static String detail(Reply reply) {
        var body = reply.body().strip();
        return body.isEmpty() ? "" : ": " + shorten(body);
    }

    /** The answer's JSON; an answer that is not JSON is a fault at the provider, tried again later. */
    static JsonNode json(Reply reply) throws CallFailed {
        try {
            var node = JSON.readTree(reply.body());
            if (node == null || node.isMissingNode()) {
                throw new CallFailed(new Outcome.Retry(null, "the API answered " + reply.status() + " without a body"));
            }
            return node;
        } catch (JacksonException e) {
            throw new CallFailed(new Outcome.Retry(null, "the API answered " + reply.status() + " with a body that is not JSON"));
        }
    }

    static String body(Object value) {
        return JSON.writeValueAsString(value);
    }

    static String shorten(String text) {
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text;
    }

    static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * The path and query of a link a provider gave (absolute or not), relative to the configured base: the key then
     * goes to the configured host only, whatever host the link names.
     */
    static String linkFrom(URI base, String link) {
        var uri = URI.create(link);
        var path = uri.getRawPath() == null ? "" : uri.getRawPath();
        var basePath = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        if (uri.isAbsolute() && !basePath.isEmpty() && path.startsWith(basePath + "/")) {
            path = path.substring(basePath.length());
        }
        return path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static URI resolve(URI base, String pathAndQuery) {
        var text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + pathAndQuery);
    }
}
