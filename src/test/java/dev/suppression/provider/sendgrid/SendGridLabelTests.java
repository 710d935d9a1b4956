package dev.suppression.provider.sendgrid;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import dev.suppression.support.Webhooks;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** SendGrid's category is the list source unless a custom argument names one; a stream comes from a custom argument. */
@IntegrationTest
class SendGridLabelTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void theCategoryIsTheListSourceAndACustomArgumentTheStream() {
        var domain = uniqueDomain("sendgrid-rates");
        var category = "cat-facts-" + UUID.randomUUID().toString().substring(0, 8);
        var payload = Webhooks.fixture("sendgrid", "mixed-batch.json", "hard", "hard@" + domain, "soft", "soft@" + domain,
                        "blocked", "blocked@" + domain, "dropped", "dropped@" + domain, "complainer",
                        "complainer@" + domain, "delivered", "delivered@" + domain, "ts",
                        String.valueOf(Instant.now().getEpochSecond()), "id", UUID.randomUUID().toString())
                .replace("\"cat facts\"", "\"" + category + "\"")
                .replace("\"event\": \"bounce\"", "\"stream\": \"newsletter-" + category + "\", \"event\": \"bounce\"");
        var timestamp = String.valueOf(Instant.now().getEpochSecond());

        var result = mvc.post().uri("/webhooks/sendgrid").contentType(MediaType.APPLICATION_JSON).content(payload)
                .header(SendGridWebhook.SIGNATURE, SendGridWebhookTests.sign(timestamp, payload))
                .header(SendGridWebhook.TIMESTAMP, timestamp).exchange();

        assertThat(result).hasStatusOk();
        var bySource = row(rates("listSource"), category);
        assertThat(bySource.get("hardBounces").asLong()).isEqualTo(1);
        assertThat(bySource.get("delivered").asLong()).isEqualTo(1);
        assertThat(bySource.get("complaints").asLong()).isEqualTo(1);
        assertThat(row(rates("stream"), "newsletter-" + category).get("hardBounces").asLong()).isEqualTo(1);
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
