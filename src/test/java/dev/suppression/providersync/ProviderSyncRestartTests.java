package dev.suppression.providersync;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.SuppressionServiceApplication;
import dev.suppression.TestDatabase;
import dev.suppression.support.Api;
import dev.suppression.support.TestDnsServer;
import dev.suppression.support.TestKeys;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox across restarts and instances: real service instances on one database, stopped while removals
 * wait for a provider that is down, and two started together on the same outbox.
 */
class ProviderSyncRestartTests {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final FakeEsps esps = new FakeEsps();
    /** Its own database: a cached test context connected to Resend would otherwise drain these actions too. */
    private static final JdbcConnectionDetails database = TestDatabase.freshDatabase("sync_restart");

    @AfterAll
    static void stop() {
        esps.close();
    }

    @Test
    void aRemovalSurvivesARestartAndTwoInstancesSendEachActionOnce() throws Exception {
        var domain = uniqueDomain("sync-restart");
        var addresses = new ArrayList<String>();
        for (int i = 0; i < 20; i++) {
            addresses.add("user" + i + "@" + domain);
        }
        esps.failNext("resend", 100_000, call -> call.startsWith("DELETE ") && call.endsWith(domain), 503, Map.of());
        try (var first = start()) {
            for (var address : addresses) {
                call(first, "POST", "/bounces", Api.userUnknown(address));
                esps.list("resend", "all", address, "bounce", Instant.parse("2026-11-01T00:00:00Z"), "");
                call(first, "DELETE", "/suppressions/" + address + "?reason=" + URLEncoder.encode("fixed", StandardCharsets.UTF_8), null);
            }
            eventually(() -> !esps.calls(c -> c.answered() == 503 && c.path().endsWith(domain)).isEmpty());
        }
        assertThat(addresses).allMatch(a -> esps.holds("resend", "all", a));

        // Two instances on the same outbox while the provider is still down, then it comes back, slowly.
        try (var second = start(); var third = start()) {
            Thread.sleep(500);
            esps.responseDelay(Duration.ofMillis(30));
            esps.clearForced();
            eventually(() -> addresses.stream().noneMatch(a -> esps.holds("resend", "all", a)));
            Thread.sleep(1000);
            var jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from provider_action where address like ? and state = 'DONE' and kind = 'REMOVE'")
                    .param("%@" + domain).query(Long.class).single()).isEqualTo(20);
        }
        for (var address : addresses) {
            assertThat(esps.calls(c -> c.method().equals("DELETE") && c.path().equals("/suppressions/" + address)
                    && c.answered() != 503)).as("deletes of %s answered", address)
                    .extracting(FakeEsps.Call::answered).containsExactly(200);
        }
    }

    private static void eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        var deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 30s").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private static ConfigurableApplicationContext start() {
        var args = new ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + database.getPassword(),
                "--suppression.security.bootstrap-admin-key=" + TestKeys.ADMIN,
                "--suppression.rate-limit.ingest.requests-per-second=0",
                "--suppression.rate-limit.ops.requests-per-second=0",
                "--suppression.scheduling.enabled=false",
                "--suppression.dns.servers=" + TestDnsServer.shared().address(),
                "--suppression.provider-sync.resend.api-key=" + FakeEsps.RESEND_KEY,
                "--suppression.provider-sync.resend.base-url=" + esps.baseUrl("resend"),
                "--suppression.provider-sync.resend.add-on-suppress=false",
                "--suppression.provider-sync.first-retry=200ms",
                "--suppression.provider-sync.max-retry=400ms",
                "--suppression.provider-sync.max-attempts=1000",
                "--suppression.provider-sync.poll-interval=50ms"));
        return new SpringApplicationBuilder(SuppressionServiceApplication.class).run(args.toArray(String[]::new));
    }

    private static void call(ConfigurableApplicationContext instance, String method, String path, String json)
            throws Exception {
        var port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestKeys.ADMIN)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(200);
    }
}
