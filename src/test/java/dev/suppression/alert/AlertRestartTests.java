package dev.suppression.alert;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.SuppressionServiceApplication;
import dev.suppression.TestDatabase;
import dev.suppression.support.Api;
import dev.suppression.support.TestDnsServer;
import dev.suppression.support.TestKeys;
import dev.suppression.support.TestWebhookReceiver;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox across restarts and instances: real service instances on one database, stopped and started
 * while an alert waits, and a real HTTP receiver.
 */
class AlertRestartTests {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final TestWebhookReceiver receiver = new TestWebhookReceiver();

    @AfterAll
    static void stop() {
        receiver.close();
    }

    @Test
    void onePauseSendsOneAlertAcrossRestarts() throws Exception {
        var domain = uniqueDomain("alert-restart");
        receiver.answer(body -> body.contains(domain) ? 503 : 200);
        try (var first = start()) {
            pause(first, domain);
            assertThat(receiver.await(d -> d.body().contains(domain), 1, Duration.ofSeconds(10)))
                    .as("tried while the receiver was down").isNotEmpty();
        }
        receiver.answer(200);

        // Two instances on the same outbox: the waiting alert is delivered by one of them, once.
        try (var second = start(); var third = start()) {
            receiver.await(d -> d.body().contains(domain) && d.answered() == 200, 1, Duration.ofSeconds(10));
            Thread.sleep(1000);
            assertThat(second.getBean(JdbcClient.class)
                    .sql("select count(*) from alert_outbox where domain = ? and sent_at is not null").param(domain)
                    .query(Long.class).single()).isEqualTo(1);
        }
        try (var fourth = start()) {
            Thread.sleep(1000);
        }

        assertThat(receiver.deliveries(d -> d.body().contains(domain) && d.answered() == 200)).hasSize(1);
        assertThat(receiver.deliveries(d -> d.body().contains(domain)))
                .allMatch(d -> d.body().contains("DOMAIN_PAUSED"));
    }

    private static ConfigurableApplicationContext start() {
        var database = TestDatabase.sharedConnection();
        return new SpringApplicationBuilder(SuppressionServiceApplication.class).run(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + database.getPassword(),
                "--suppression.security.bootstrap-admin-key=" + TestKeys.ADMIN,
                "--suppression.rate-limit.ingest.requests-per-second=0",
                "--suppression.scheduling.enabled=false",
                "--suppression.dns.servers=" + TestDnsServer.shared().address(),
                "--suppression.alerts.webhook-url=" + receiver.url(),
                "--suppression.alerts.signing-secret=restart-secret",
                "--suppression.alerts.first-retry=200ms",
                "--suppression.alerts.max-retry=500ms",
                "--suppression.alerts.poll-interval=100ms");
    }

    private static void pause(ConfigurableApplicationContext instance, String domain) throws Exception {
        var events = new ArrayList<String>();
        for (int i = 1; i <= 5; i++) {
            events.add(Api.userUnknown("user" + i + "@" + domain));
        }
        var port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/bounces"))
                        .header("Authorization", "Bearer " + TestKeys.ADMIN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("[" + String.join(",", events) + "]")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
