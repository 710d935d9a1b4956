package dev.suppression.checkindex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.SuppressionServiceApplication;
import dev.suppression.TestDatabase;
import dev.suppression.support.TestDnsServer;
import dev.suppression.support.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The check index must never answer ALLOW for an address whose suppression committed: at once on the
 * instance that took the bounce, within a second on every other instance sharing the database, and through
 * the database whenever the index cannot be trusted. Two real service instances, one database, real HTTP.
 */
class CheckIndexCoherenceTests {

    private static final HttpClient http = HttpClient.newHttpClient();
    private static final JsonMapper json = JsonMapper.builder().build();
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        first = start();
        second = start();
        awaitTrusted(first);
        awaitTrusted(second);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void theInstanceThatTookTheBounceSuppressesAtOnce() throws Exception {
        var address = "now-" + UUID.randomUUID() + "@coherence.example";
        assertThat(check(first, address).get("verdict").stringValue()).isEqualTo("ALLOW");

        bounce(first, address);

        assertThat(check(first, address).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
    }

    @Test
    void everyOtherInstanceSuppressesWithinOneSecond() throws Exception {
        var address = "other-" + UUID.randomUUID() + "@" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        assertThat(check(second, address).get("verdict").stringValue()).isEqualTo("ALLOW");

        bounce(first, address);
        var committed = System.nanoTime();
        String verdict;
        do {
            verdict = check(second, address).get("verdict").stringValue();
        } while (!verdict.equals("SUPPRESSED") && System.nanoTime() - committed < Duration.ofSeconds(2).toNanos());

        assertThat(verdict).isEqualTo("SUPPRESSED");
        assertThat(Duration.ofNanos(System.nanoTime() - committed)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aDomainPausedOnOneInstanceIsPausedOnTheOther() throws Exception {
        var domain = "paused-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        for (int i = 0; i < 5; i++) {
            bounce(first, "u" + i + "@" + domain);
        }
        Thread.sleep(1_000);

        assertThat(check(second, "never-bounced@" + domain).get("verdict").stringValue()).isEqualTo("DOMAIN_PAUSED");
    }

    @Test
    void anUntrustedIndexFallsBackToTheDatabaseInsteadOfGuessing() throws Exception {
        var address = "fallback-" + UUID.randomUUID() + "@coherence.example";
        bounce(first, address);
        var index = second.getBean(CheckIndex.class);
        index.distrust();
        try {
            assertThat(index.isTrusted()).isFalse();
            assertThat(check(second, address).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
            assertThat(check(second, "fresh-" + UUID.randomUUID() + "@coherence.example").get("verdict").stringValue())
                    .isEqualTo("ALLOW");
        } finally {
            second.getBean(CheckIndexListener.class).stop();
            second.getBean(CheckIndexListener.class).startListening();
            awaitTrusted(second);
        }
    }

    @Test
    void aWarmIndexKnowsEveryAddressAlreadyOnTheList() throws Exception {
        var address = "warm-" + UUID.randomUUID() + "@coherence.example";
        bounce(first, address);
        var third = start();
        try {
            awaitTrusted(third);
            assertThat(third.getBean(CheckIndex.class).certainlyUnknownAddress(address)).isFalse();
            assertThat(check(third, address).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        } finally {
            third.close();
        }
    }

    @Test
    void aWarmIndexKnowsEveryPausedDomain() throws Exception {
        var domain = "warm-paused-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        for (int i = 0; i < 5; i++) {
            bounce(first, "u" + i + "@" + domain);
        }
        var third = start();
        try {
            awaitTrusted(third);
            assertThat(third.getBean(CheckIndex.class).certainlyUnknownDomain(domain)).isFalse();
            assertThat(check(third, "never-bounced@" + domain).get("verdict").stringValue())
                    .isEqualTo("DOMAIN_PAUSED");
        } finally {
            third.close();
        }
    }

    @Test
    void aDomainKnownOnlyFromAnImportNeedsNoQueryForItsOtherAddresses() throws Exception {
        var domain = "imported-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        var response = http.send(request(first, "/suppressions/import")
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("address,reason\nold@" + domain + ",MANUAL\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        for (var instance : List.of(first, second)) {
            var index = instance.getBean(CheckIndex.class);
            assertThat(index.certainlyUnknownDomain(domain)).isTrue();
            assertThat(check(instance, "other@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        }
        Thread.sleep(1_000);
        assertThat(check(second, "old@" + domain).get("verdict").stringValue()).isEqualTo("SUPPRESSED");

        bounce(first, "gone@" + domain);
        Thread.sleep(1_000);
        assertThat(second.getBean(CheckIndex.class).certainlyUnknownDomain(domain)).isFalse();
        assertThat(check(second, "other@" + domain).get("domain").get("distinctAddresses").intValue()).isEqualTo(1);
    }

    private static ConfigurableApplicationContext start() {
        var database = TestDatabase.sharedConnection();
        return new SpringApplicationBuilder(SuppressionServiceApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + database.getPassword(),
                "--suppression.security.bootstrap-admin-key=" + TestKeys.ADMIN,
                "--suppression.rate-limit.ingest.requests-per-second=0",
                "--suppression.dns.servers=" + TestDnsServer.shared().address(),
                "--suppression.scheduling.enabled=false");
    }

    private static void awaitTrusted(ConfigurableApplicationContext context) throws InterruptedException {
        var index = context.getBean(CheckIndex.class);
        for (int i = 0; i < 200 && !index.isTrusted(); i++) {
            Thread.sleep(50);
        }
        assertThat(index.isTrusted()).as("index warmed up").isTrue();
    }

    private static void bounce(ConfigurableApplicationContext instance, String address) throws Exception {
        var response = http.send(request(instance, "/bounces")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"recipient\": \"" + address + "\", \"enhancedCode\": \"5.1.1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static JsonNode check(ConfigurableApplicationContext instance, String address) throws Exception {
        var response = http.send(request(instance, "/suppressions/" + address).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private static HttpRequest.Builder request(ConfigurableApplicationContext instance, String path) {
        var port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TestKeys.ADMIN);
    }
}
