package dev.suppression.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AlertSettingsTests {

    private static AlertSettings settings(URI url, String secret) {
        return new AlertSettings(url, secret, URI.create("http://localhost:8080"), true, Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofSeconds(5));
    }

    @Test
    void theWaitDoublesAfterEachFailureUpToTheCeiling() {
        var settings = settings(URI.create("https://hooks.example/x"), "s");

        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.backoffAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(settings.backoffAfter(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.backoffAfter(1000)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void aWebhookNeedsASigningSecret() {
        assertThatThrownBy(() -> settings(URI.create("https://hooks.example/x"), " "))
                .hasMessageContaining("suppression.alerts.signing-secret is required");
    }

    @Test
    void aWebhookMustBeHttp() {
        assertThatThrownBy(() -> settings(URI.create("ftp://hooks.example/x"), "s"))
                .hasMessageContaining("must be an http(s) URL");
    }

    @Test
    void withoutAUrlNothingIsSent() {
        assertThat(new AlertSettings(null, null, URI.create("http://localhost:8080"), true, Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofSeconds(5)).enabled()).isFalse();
    }
}
