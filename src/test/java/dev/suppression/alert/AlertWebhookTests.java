package dev.suppression.alert;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import dev.suppression.support.TestWebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class AlertWebhookTests {

    static final String SECRET = "alert-test-secret";
    static final TestWebhookReceiver receiver = new TestWebhookReceiver();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void alerts(DynamicPropertyRegistry registry) {
        registry.add("suppression.alerts.webhook-url", receiver::url);
        registry.add("suppression.alerts.signing-secret", () -> SECRET);
        registry.add("suppression.alerts.service-url", () -> "https://suppression.ops.example");
        registry.add("suppression.alerts.first-retry", () -> "200ms");
        registry.add("suppression.alerts.poll-interval", () -> "100ms");
    }

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void aPauseIsAnnouncedOnceSignedWithTheDiagnosisLink() throws InterruptedException {
        var domain = uniqueDomain("alert-pause");
        pause(domain);

        var delivered = receiver.await(d -> d.body().contains("DOMAIN_PAUSED") && d.body().contains(domain), 1,
                Duration.ofSeconds(10));
        Thread.sleep(500);

        assertThat(receiver.deliveries(d -> d.body().contains("DOMAIN_PAUSED") && d.body().contains(domain)))
                .hasSize(1);
        var alert = delivered.getFirst();
        assertThat(alert.header("X-Suppression-Signature"))
                .isEqualTo(AlertSignature.of(SECRET, Long.parseLong(alert.header("X-Suppression-Timestamp")), alert.body()));
        assertThat(alert.header("Content-Type")).isEqualTo("application/json");
        var body = json(alert.body());
        assertThat(body.get("text").stringValue()).contains("Paused sending to " + domain + ": 5 distinct addresses")
                .contains("refused by mx1.recipient.example (5)")
                .contains("https://suppression.ops.example/domains/" + domain + "/diagnosis");
        assertThat(body.get("diagnosis").stringValue())
                .isEqualTo("https://suppression.ops.example/domains/" + domain + "/diagnosis");
        assertThat(body.get("level").stringValue()).isEqualTo("DOMAIN_PATTERN");
        assertThat(body.get("distinctAddresses").intValue()).isEqualTo(5);
        assertThat(body.get("rejectingHosts").get(0).stringValue()).isEqualTo("mx1.recipient.example (5)");
        assertThat(alert.header("X-Suppression-Alert-Id")).isEqualTo(body.get("id").stringValue());
    }

    @Test
    void theAlertIsWrittenInThePausingTransaction() {
        var domain = uniqueDomain("alert-outbox");
        receiver.answer(body -> body.contains(domain) ? 503 : 200);
        try {
            pause(domain);

            assertThat(jdbc.sql("select kind from alert_outbox where domain = ?").param(domain).query(String.class).list())
                    .containsExactly("DOMAIN_PAUSED");
        } finally {
            receiver.answer(200);
        }
    }

    @Test
    void aSmallClusterIsAnnouncedOncePerCluster() throws InterruptedException {
        var domain = uniqueDomain("alert-cluster");
        api.hardBounce("a1@" + domain);
        api.hardBounce("a2@" + domain);
        api.hardBounce("a3@" + domain);

        receiver.await(d -> d.body().contains(domain), 1, Duration.ofSeconds(10));
        Thread.sleep(500);

        var alerts = receiver.deliveries(d -> d.body().contains(domain));
        assertThat(alerts).hasSize(1);
        assertThat(json(alerts.getFirst().body()).get("kind").stringValue()).isEqualTo("CLUSTER_FORMED");
        assertThat(json(alerts.getFirst().body()).get("distinctAddresses").intValue()).isEqualTo(2);
    }

    @Test
    void aFailedDeliveryIsRetriedWithBackoffUntilTaken() throws InterruptedException {
        var domain = uniqueDomain("alert-retry");
        var attempts = new java.util.concurrent.atomic.AtomicInteger();
        receiver.answer(body -> body.contains(domain) && attempts.incrementAndGet() <= 2 ? 500 : 200);
        try {
            pause(domain);

            var all = receiver.await(d -> d.body().contains(domain) && d.answered() == 200, 1, Duration.ofSeconds(10));

            assertThat(all).hasSize(1);
            assertThat(receiver.deliveries(d -> d.body().contains(domain)).stream().map(TestWebhookReceiver.Delivery::answered))
                    .containsExactly(500, 500, 200);
            assertThat(jdbc.sql("select attempts from alert_outbox where domain = ? and sent_at is not null").param(domain)
                    .query(Integer.class).single()).isEqualTo(3);
        } finally {
            receiver.answer(200);
        }
    }

    private void pause(String domain) {
        var events = new ArrayList<String>();
        for (int i = 1; i <= 5; i++) {
            events.add(Api.userUnknown("user" + i + "@" + domain));
        }
        api.ingest("[" + String.join(",", events) + "]");
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }
}
