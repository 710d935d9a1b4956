package dev.suppression.providersync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure parts of the provider calls: SigV4 and the reading of rate-limit headers. */
class ProviderSyncSigningTests {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private final ProviderHttp http = new ProviderHttp(new org.springframework.boot.context.properties.bind.Binder()
            .bindOrCreate("suppression.provider-sync", ProviderSyncSettings.class), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void sigV4SignsAsAwsDocumentsIt() {
        // The "get-vanilla" case of AWS's Signature Version 4 test suite.
        var signer = new SigV4("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1", "service");

        var signed = signer.sign("GET", URI.create("https://example.amazonaws.com/"), "", Instant.parse("2015-08-30T12:36:00Z"));

        assertThat(signed.amzDate()).isEqualTo("20150830T123600Z");
        assertThat(signed.authorization()).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
    }

    @Test
    void aPathSegmentIsEncodedTwiceInTheCanonicalRequest() {
        assertThat(SigV4.encode("a%2Bb%40x.example")).isEqualTo("a%252Bb%2540x.example");
    }

    @Test
    void retryAfterInSecondsWaitsThatLong() {
        assertThat(http.rateLimitedUntil(headers(Map.of("Retry-After", "7")))).isEqualTo(NOW.plusSeconds(7));
    }

    @Test
    void retryAfterAsAnHttpDateWaitsUntilThen() {
        assertThat(http.rateLimitedUntil(headers(Map.of("Retry-After", "Thu, 03 Dec 2026 12:01:00 GMT"))))
                .isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void xRateLimitResetAsAUnixTimeWaitsUntilThen() {
        assertThat(http.rateLimitedUntil(headers(Map.of("X-RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 42)))))
                .isEqualTo(NOW.plusSeconds(42));
    }

    @Test
    void rateLimitResetInSecondsWaitsThatLong() {
        assertThat(http.rateLimitedUntil(headers(Map.of("ratelimit-reset", "3")))).isEqualTo(NOW.plusSeconds(3));
    }

    @Test
    void aWaitOfMoreThanADayIsCutToADay() {
        assertThat(http.rateLimitedUntil(headers(Map.of("Retry-After", "999999")))).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }

    @Test
    void a429WithoutHeadersLeavesTheWaitToTheBackoff() {
        assertThat(http.rateLimitedUntil(headers(Map.of()))).isNull();
    }

    @Test
    void aMailgunLinkIsFollowedOnTheConfiguredBaseOnly() {
        assertThat(ProviderHttp.linkFrom(URI.create("https://api.eu.mailgun.net"),
                "https://elsewhere.example/v3/mg.example/bounces?page=next&address=a%40b.example&limit=1000"))
                .isEqualTo("/v3/mg.example/bounces?page=next&address=a%40b.example&limit=1000");
    }

    @Test
    void settingsNeverShowTheirKeys() {
        var settings = new ProviderSyncSettings.SendGrid("SG.secret", URI.create("https://api.sendgrid.com"));
        assertThat(settings.toString()).doesNotContain("SG.secret").contains("(set)");
    }

    private static HttpHeaders headers(Map<String, String> values) {
        var map = new java.util.HashMap<String, List<String>>();
        values.forEach((k, v) -> map.put(k, List.of(v)));
        return HttpHeaders.of(map, (a, b) -> true);
    }
}
