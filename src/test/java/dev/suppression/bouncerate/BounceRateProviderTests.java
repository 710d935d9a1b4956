package dev.suppression.bouncerate;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import dev.suppression.support.TestProviderKeys;
import dev.suppression.support.Webhooks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** The providers' own fields name the stream and source; their delivery events are the denominators. */
@IntegrationTest
class BounceRateProviderTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void postmarksTagIsTheListSourceAndItsDeliveriesBouncesAndComplaintsAreCounted() {
        var tag = "welcome-" + UUID.randomUUID().toString().substring(0, 8);
        var domain = uniqueDomain("postmark-rates");
        for (int i = 0; i < 3; i++) {
            postmark(fixture("delivery.json", "d" + i + "@" + domain).replace("welcome-email", tag));
        }
        postmark(fixture("hard-bounce.json", "gone@" + domain).replace("\"Tag\": \"Test\"", "\"Tag\": \"" + tag + "\""));
        postmark(fixture("spam-complaint.json", "angry@" + domain).replace("\"Tag\": \"Test\"", "\"Tag\": \"" + tag + "\""));

        var bySource = row(rates("listSource"), tag);
        var byDomain = row(rates("recipientDomain"), domain);

        assertThat(bySource.get("delivered").asLong()).isEqualTo(3);
        assertThat(bySource.get("hardBounces").asLong()).isEqualTo(1);
        assertThat(bySource.get("complaints").asLong()).isEqualTo(1);
        assertThat(bySource.get("sent").asLong()).isEqualTo(4);
        assertThat(byDomain.get("delivered").asLong()).isEqualTo(3);
        assertThat(rates("stream").get("rows").valueStream().map(r -> r.get("key").asString())).contains("outbound");
    }

    private void postmark(String payload) {
        var result = mvc.post().uri("/webhooks/postmark").contentType(MediaType.APPLICATION_JSON).content(payload)
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(
                        (TestProviderKeys.POSTMARK_USERNAME + ":" + TestProviderKeys.POSTMARK_PASSWORD)
                                .getBytes(StandardCharsets.UTF_8)))
                .exchange();
        assertThat(result).hasStatusOk();
    }

    private static String fixture(String name, String email) {
        return Webhooks.fixture("postmark", name, "email", email, "id",
                String.valueOf(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE)), "at", Instant.now().toString());
    }

    private JsonNode rates(String by) {
        var result = mvc.get().uri("/stats/bounce-rates?by={by}", by).exchange();
        assertThat(result).hasStatusOk();
        return Api.body(result);
    }

    private static JsonNode row(JsonNode rates, String key) {
        return rates.get("rows").valueStream().filter(r -> key.equals(r.get("key").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + rates));
    }
}
