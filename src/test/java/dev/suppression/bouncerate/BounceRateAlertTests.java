package dev.suppression.bouncerate;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import dev.suppression.support.TestWebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class BounceRateAlertTests {

    static final TestWebhookReceiver receiver = new TestWebhookReceiver();

    @DynamicPropertySource
    static void alerts(DynamicPropertyRegistry registry) {
        registry.add("suppression.alerts.webhook-url", receiver::url);
        registry.add("suppression.alerts.signing-secret", () -> "bounce-rate-alert-secret");
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

    @Autowired
    BounceRateMonitor monitor;

    @Test
    void aSourceTurningCriticalIsAlertedOnceThoughTwoInstancesJudgeAtOnce() throws Exception {
        var source = "bought-list-" + UUID.randomUUID().toString().substring(0, 8);
        turnCritical(source);

        var judges = new ArrayList<Callable<Integer>>();
        for (int i = 0; i < 2; i++) {
            judges.add(() -> (int) monitor.judge().stream().filter(t -> t.key().equals(source)).count());
        }
        int turned = 0;
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (var result : pool.invokeAll(judges)) {
                turned += result.get();
            }
        }
        var again = monitor.judge().stream().filter(t -> t.key().equals(source)).count();

        assertThat(turned).isEqualTo(1);
        assertThat(again).isZero();
        assertThat(jdbc.sql("select count(*) from alert_outbox where kind = 'BOUNCE_RATE_CRITICAL' and domain = ?")
                .param("listSource " + source).query(Long.class).single()).isEqualTo(1);
        var delivered = receiver.await(d -> d.body().contains(source), 1, Duration.ofSeconds(10));
        assertThat(delivered.getFirst().body()).contains("\"kind\":\"BOUNCE_RATE_CRITICAL\"")
                .contains("listSource " + source + " is CRITICAL: 6.00% hard bounces (36 of 600)");
    }

    @Test
    void theRatesAreGaugesForPrometheus() {
        var source = "gauged-" + UUID.randomUUID().toString().substring(0, 8);
        turnCritical(source);

        monitor.judge();
        var result = mvc.get().uri("/actuator/prometheus").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
                .contains("suppression_bounce_rate_hard{by=\"listSource\",key=\"" + source + "\"} 0.06")
                .contains("suppression_bounce_rate_level{by=\"listSource\",key=\"" + source + "\"} 3.0")
                .contains("suppression_bounce_rate_sent{by=\"listSource\",key=\"" + source + "\"} 600.0");
    }

    private void turnCritical(String source) {
        assertThat(mvc.post().uri("/sends").contentType(MediaType.APPLICATION_JSON)
                .content("{\"sends\": [{\"stream\": \"marketing\", \"listSource\": \"" + source + "\", \"count\": 600}]}")
                .exchange()).hasStatusOk();
        var domain = uniqueDomain("critical");
        var batch = IntStream.range(0, 36).mapToObj(i -> """
                {"recipient": "u%d@%s", "smtpCode": 550, "enhancedCode": "5.1.1", "diagnostic": "550 5.1.1 user unknown",
                 "stream": "marketing", "listSource": "%s"}""".formatted(i, domain, source))
                .collect(Collectors.joining(",", "[", "]"));
        assertThat(new Api(mvc).postBounces(batch)).hasStatusOk();
    }
}
