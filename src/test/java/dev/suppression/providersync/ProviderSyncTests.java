package dev.suppression.providersync;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import dev.suppression.support.OpenApiContract;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Every provider connected to its emulated API: what a clear and a suppression here do to each list, how the
 * check and the history show it, and how an import pages each API.
 */
@IntegrationTest
@Import(OwnDatabase.class)
class ProviderSyncTests {

    static final FakeEsps esps = new FakeEsps();
    static final List<String> ALL = List.of("mailgun", "postmark", "resend", "sendgrid", "ses", "sparkpost");

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        connectAll(registry::add, esps);
        registry.add("suppression.provider-sync.poll-interval", () -> "100ms");
        registry.add("suppression.provider-sync.first-retry", () -> "200ms");
        registry.add("suppression.provider-sync.max-retry", () -> "1s");
        registry.add("suppression.provider-sync.confirm-after", () -> "300ms");
        registry.add("suppression.provider-sync.timeout", () -> "1s");
    }

    interface Setter {
        void add(String name, java.util.function.Supplier<Object> value);
    }

    static void connectAll(Setter registry, FakeEsps esps) {
        registry.add("suppression.provider-sync.sendgrid.api-key", () -> FakeEsps.SENDGRID_KEY);
        registry.add("suppression.provider-sync.sendgrid.base-url", () -> esps.baseUrl("sendgrid"));
        registry.add("suppression.provider-sync.postmark.server-token", () -> FakeEsps.POSTMARK_TOKEN);
        registry.add("suppression.provider-sync.postmark.base-url", () -> esps.baseUrl("postmark"));
        registry.add("suppression.provider-sync.mailgun.api-key", () -> FakeEsps.MAILGUN_KEY);
        registry.add("suppression.provider-sync.mailgun.base-url", () -> esps.baseUrl("mailgun"));
        registry.add("suppression.provider-sync.mailgun.domains", () -> FakeEsps.MAILGUN_DOMAIN);
        registry.add("suppression.provider-sync.sparkpost.api-key", () -> FakeEsps.SPARKPOST_KEY);
        registry.add("suppression.provider-sync.sparkpost.base-url", () -> esps.baseUrl("sparkpost"));
        registry.add("suppression.provider-sync.resend.api-key", () -> FakeEsps.RESEND_KEY);
        registry.add("suppression.provider-sync.resend.base-url", () -> esps.baseUrl("resend"));
        registry.add("suppression.provider-sync.ses.access-key-id", () -> FakeEsps.SES_ACCESS_KEY);
        registry.add("suppression.provider-sync.ses.secret-access-key", () -> "fake-secret");
        registry.add("suppression.provider-sync.ses.region", () -> "eu-west-1");
        registry.add("suppression.provider-sync.ses.base-url", () -> esps.baseUrl("ses"));
    }

    @AfterAll
    static void stop() {
        esps.close();
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        esps.consistencyDelay(Duration.ZERO);
    }

    /** Lists the address on every provider, as each would after the bounce. */
    static void listEverywhere(String address) {
        var at = Instant.parse("2026-11-20T10:00:00Z");
        esps.list("sendgrid", "bounces", address, "550 5.1.1 user unknown", at, "");
        esps.list("sendgrid", "blocks", address, "blocked", at, "");
        esps.list("postmark", FakeEsps.POSTMARK_STREAM, address, "HardBounce", at, "Recipient");
        esps.list("mailgun", FakeEsps.MAILGUN_DOMAIN + "/bounces", address, "550 5.1.1", at, "");
        esps.list("sparkpost", "all", address, "550 5.1.1", at, "Bounce Rule");
        esps.list("resend", "all", address, "bounce", at, "");
        esps.list("ses", "all", address, "BOUNCE", at, "");
    }

    static boolean onAnyList(String address) {
        return esps.holds("sendgrid", "bounces", address) || esps.holds("sendgrid", "blocks", address)
                || esps.holds("postmark", FakeEsps.POSTMARK_STREAM, address)
                || esps.holds("mailgun", FakeEsps.MAILGUN_DOMAIN + "/bounces", address)
                || esps.holds("sparkpost", "all", address) || esps.holds("resend", "all", address)
                || esps.holds("ses", "all", address);
    }

    static void eventually(Duration within, Runnable assertion) {
        var deadline = Instant.now().plus(within);
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (Instant.now().isAfter(deadline)) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static Map<String, String> statuses(JsonNode check) {
        var map = new java.util.TreeMap<String, String>();
        for (var p : check.path("providers")) {
            map.put(p.get("provider").asString(), p.get("status").asString());
        }
        return map;
    }

    private String suppressedAndListed(String label) {
        var address = "jane@" + uniqueDomain(label);
        api.hardBounce(address);
        listEverywhere(address);
        return address;
    }

    @Test
    void aClearRemovesTheAddressFromEveryConnectedList() {
        var address = suppressedAndListed("sync-clear");
        eventually(Duration.ofSeconds(10), () -> assertThat(statuses(api.check(address))).hasSize(5)
                .allSatisfy((provider, status) -> assertThat(status).startsWith("added at ")));

        var cleared = api.clear(address, "mailbox recreated", false);

        assertThat(cleared).hasStatusOk();
        OpenApiContract.assertMatches("DELETE", "/suppressions/{address}", cleared);
        var answer = Api.body(cleared);
        assertThat(statuses(answer)).containsOnlyKeys(ALL).allSatisfy((provider, status) -> assertThat(status).isEqualTo("pending"));
        assertThat(answer.get("advice").asString()).startsWith("Wait before the one retry: the removal from "
                + String.join(", ", ALL) + " is pending");
        eventually(Duration.ofSeconds(10), () -> assertThat(onAnyList(address)).isFalse());
        eventually(Duration.ofSeconds(10), () -> assertThat(statuses(api.check(address)))
                .allSatisfy((provider, status) -> assertThat(status).startsWith("removed at ")));
        var check = api.check(address);
        assertThat(check.get("advice").asString()).startsWith("Retry once: the address is off every connected ESP list");
        OpenApiContract.assertMatches("GET", "/suppressions/{address}", mvc.get().uri("/suppressions/{address}", address).exchange());
        // SendGrid: one delete per list it keeps, whether the address is on it (204) or not (404).
        assertThat(esps.calls(c -> c.provider().equals("sendgrid") && c.method().equals("DELETE") && c.path().endsWith("/" + address)))
                .extracting(FakeEsps.Call::path, FakeEsps.Call::answered)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("/v3/suppression/bounces/" + address, 204),
                        org.assertj.core.groups.Tuple.tuple("/v3/suppression/blocks/" + address, 204),
                        org.assertj.core.groups.Tuple.tuple("/v3/suppression/invalid_emails/" + address, 404),
                        org.assertj.core.groups.Tuple.tuple("/v3/suppression/spam_reports/" + address, 404));
    }

    @Test
    void theHistoryShowsWhatEachListWasAsked() {
        var address = suppressedAndListed("sync-history");
        assertThat(api.clear(address, "fixed", false)).hasStatusOk();
        eventually(Duration.ofSeconds(10), () -> assertThat(statuses(api.check(address)))
                .allSatisfy((provider, status) -> assertThat(status).startsWith("removed at ")));

        var result = mvc.get().uri("/suppressions/{address}/history", address).exchange();

        OpenApiContract.assertMatches("GET", "/suppressions/{address}/history", result);
        var entries = StreamSupport.stream(Api.body(result).path("entries").spliterator(), false).toList();
        var removals = entries.stream().filter(e -> e.get("type").asString().equals("PROVIDER_REMOVE")).toList();
        assertThat(removals).extracting(e -> e.get("provider").asString()).containsExactlyInAnyOrderElementsOf(ALL);
        assertThat(removals).allSatisfy(e -> assertThat(e.get("status").asString()).startsWith("removed at "));
        var types = entries.stream().map(e -> e.get("type").asString()).toList();
        assertThat(types.indexOf("CLEARED")).isLessThan(types.indexOf("PROVIDER_REMOVE"));
        assertThat(types.indexOf("SUPPRESSED")).isLessThan(types.indexOf("PROVIDER_ADD"));
    }

    @Test
    void aSuppressionIsAddedWhereTheApiAllows() {
        var address = "ops-block@" + uniqueDomain("sync-add");

        assertThat(api.suppressManually(address, "asked to stop")).hasStatusOk();

        eventually(Duration.ofSeconds(10), () -> assertThat(statuses(api.check(address))).containsOnlyKeys(
                "mailgun", "postmark", "resend", "ses", "sparkpost").allSatisfy((p, s) -> assertThat(s).startsWith("added at ")));
        assertThat(esps.holds("postmark", FakeEsps.POSTMARK_STREAM, address)).isTrue();
        assertThat(esps.holds("mailgun", FakeEsps.MAILGUN_DOMAIN + "/bounces", address)).isTrue();
        assertThat(esps.holds("sparkpost", "all", address)).isTrue();
        assertThat(esps.holds("resend", "all", address)).isTrue();
        assertThat(esps.holds("ses", "all", address)).isTrue();
        // SendGrid has no endpoint to add a bounce: nothing is sent to it.
        assertThat(esps.calls(c -> c.provider().equals("sendgrid") && c.path().contains(address))).isEmpty();
        assertThat(esps.calls(c -> c.provider().equals("ses") && c.method().equals("PUT")
                && c.body().contains(address))).singleElement().satisfies(c -> assertThat(c.body()).contains("\"Reason\":\"BOUNCE\""));
    }

    @Test
    void a429WaitsAsTheProviderSays() {
        var address = suppressedAndListed("sync-429");
        var reset = Instant.now().plusSeconds(3);
        esps.failNext("sendgrid", 1, call -> call.equals("DELETE /v3/suppression/bounces/" + address), 429,
                Map.of("X-RateLimit-Limit", "600", "X-RateLimit-Remaining", "0",
                        "X-RateLimit-Reset", Long.toString(reset.getEpochSecond())));
        esps.failNext("resend", 1, call -> call.equals("DELETE /suppressions/" + address), 429,
                Map.of("retry-after", "2", "ratelimit-limit", "2", "ratelimit-remaining", "0", "ratelimit-reset", "2"));

        assertThat(api.clear(address, "fixed", false)).hasStatusOk();

        eventually(Duration.ofSeconds(15), () -> assertThat(statuses(api.check(address)))
                .allSatisfy((provider, status) -> assertThat(status).startsWith("removed at ")));
        var sendgrid = esps.calls(c -> c.provider().equals("sendgrid") && c.path().equals("/v3/suppression/bounces/" + address));
        assertThat(sendgrid).extracting(FakeEsps.Call::answered).containsExactly(429, 204);
        // X-RateLimit-Reset is a Unix time in whole seconds.
        assertThat(sendgrid.get(1).at()).isAfterOrEqualTo(Instant.ofEpochSecond(reset.getEpochSecond()));
        var resend = esps.calls(c -> c.provider().equals("resend") && c.path().equals("/suppressions/" + address));
        assertThat(resend).extracting(FakeEsps.Call::answered).containsExactly(429, 200);
        assertThat(Duration.between(resend.get(0).at(), resend.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void a429WithoutHeadersAndA5xxAreRetriedWithBackoff() {
        var address = suppressedAndListed("sync-backoff");
        esps.failNext("ses", 1, call -> call.startsWith("DELETE ") && call.endsWith(address), 429, Map.of());
        esps.failNext("sparkpost", 2, call -> call.startsWith("DELETE ") && call.endsWith(address), 503, Map.of());

        assertThat(api.clear(address, "fixed", false)).hasStatusOk();

        eventually(Duration.ofSeconds(15), () -> assertThat(statuses(api.check(address)))
                .allSatisfy((provider, status) -> assertThat(status).startsWith("removed at ")));
        assertThat(esps.calls(c -> c.provider().equals("ses") && c.method().equals("DELETE") && c.path().endsWith(address)))
                .extracting(FakeEsps.Call::answered).containsExactly(429, 200);
        var sparkpost = esps.calls(c -> c.provider().equals("sparkpost") && c.method().equals("DELETE") && c.path().endsWith(address));
        assertThat(sparkpost).extracting(FakeEsps.Call::answered).containsExactly(503, 503, 204);
        assertThat(Duration.between(sparkpost.get(1).at(), sparkpost.get(2).at())).isGreaterThanOrEqualTo(Duration.ofMillis(350));
    }

    @Test
    void aPendingRemovalShowsWhyItIsRetried() {
        var address = suppressedAndListed("sync-pending");
        esps.failNext("resend", 1000, call -> call.startsWith("DELETE ") && call.endsWith(address), 503, Map.of());

        assertThat(api.clear(address, "fixed", false)).hasStatusOk();

        eventually(Duration.ofSeconds(10), () -> {
            var resend = StreamSupport.stream(api.check(address).path("providers").spliterator(), false)
                    .filter(p -> p.get("provider").asString().equals("resend")).findFirst().orElseThrow();
            assertThat(resend.get("status").asString()).isEqualTo("pending");
            assertThat(resend.get("lastError").asString()).isEqualTo("the API answered 503");
        });
        eventually(Duration.ofSeconds(10), () -> assertThat(api.check(address).get("advice").asString())
                .contains("the removal from resend is pending"));
    }

    @Test
    void aSlowAnswerIsGivenUpAtTheTimeoutAndTriedAgain() {
        var address = suppressedAndListed("sync-slow");
        esps.failNext("resend", 1, call -> call.equals("DELETE /suppressions/" + address), FakeEsps.SLOW,
                Map.of("delay-ms", "1500"));

        assertThat(api.clear(address, "fixed", false)).hasStatusOk();

        eventually(Duration.ofSeconds(15), () -> assertThat(statuses(api.check(address)).get("resend")).startsWith("removed at "));
        assertThat(jdbc.sql("select attempts from provider_action where address = ? and provider = 'resend' and kind = 'REMOVE'")
                .param(address).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aRefusedKeyFailsAtOnceAndSaysSo() {
        var address = suppressedAndListed("sync-401");
        esps.failNext("sparkpost", 1, call -> call.equals("DELETE /api/v1/suppression-list/" + address), 401, Map.of());

        assertThat(api.clear(address, "fixed", false)).hasStatusOk();

        eventually(Duration.ofSeconds(10), () -> assertThat(statuses(api.check(address)).get("sparkpost"))
                .startsWith("failed: the API key was refused (401): check its permissions"));
        assertThat(esps.calls(c -> c.provider().equals("sparkpost") && c.method().equals("DELETE") && c.path().endsWith(address)))
                .hasSize(1);
        eventually(Duration.ofSeconds(10), () -> assertThat(api.check(address).get("advice").asString())
                .startsWith("Retry once, but not through sparkpost"));
    }

    @Test
    void aComplianceEntryCannotBeRemoved() {
        var address = "held@" + uniqueDomain("sync-compliance");
        api.hardBounce(address);
        esps.list("sparkpost", "all", address, "Compliance", Instant.parse("2026-11-01T00:00:00Z"), "Compliance");

        assertThat(api.clear(address, "fixed", false)).hasStatusOk();

        eventually(Duration.ofSeconds(10), () -> assertThat(statuses(api.check(address)))
                .containsEntry("sparkpost", "cannot remove (compliance)"));
        assertThat(esps.holds("sparkpost", "all", address)).isTrue();
        eventually(Duration.ofSeconds(10), () -> assertThat(api.check(address).get("advice").asString())
                .startsWith("Retry once, but not through sparkpost"));
    }

    @Test
    void aPostmarkOrMailgunRemovalIsDoneOnlyOnceReadBack() throws InterruptedException {
        esps.consistencyDelay(Duration.ofMillis(1500));
        var address = suppressedAndListed("sync-consistency");

        assertThat(api.clear(address, "fixed", false)).hasStatusOk();

        eventually(Duration.ofSeconds(5), () -> assertThat(statuses(api.check(address)).get("resend"))
                .startsWith("removed at "));
        Thread.sleep(400);
        // Accepted but still listed: both stay pending while their lists still show the address.
        assertThat(statuses(api.check(address))).containsEntry("postmark", "pending").containsEntry("mailgun", "pending");
        eventually(Duration.ofSeconds(15), () -> assertThat(statuses(api.check(address)))
                .hasEntrySatisfying("postmark", s -> assertThat(s).startsWith("removed at "))
                .hasEntrySatisfying("mailgun", s -> assertThat(s).startsWith("removed at ")));
        assertThat(esps.calls(c -> c.provider().equals("postmark") && c.method().equals("GET")
                && c.query().contains("emailaddress=") && c.body().isEmpty())).hasSizeGreaterThanOrEqualTo(2);
        assertThat(esps.calls(c -> c.provider().equals("postmark") && c.path().endsWith("/suppressions/delete")
                && c.body().contains(address))).hasSize(1);
    }

    @Test
    void aSpamComplaintStaysOnPostmark() {
        var address = "complainer@" + uniqueDomain("sync-postmark-spam");
        api.hardBounce(address);
        esps.list("postmark", FakeEsps.POSTMARK_STREAM, address, "SpamComplaint", Instant.parse("2026-11-01T00:00:00Z"), "Recipient");

        assertThat(api.clear(address, "fixed", false)).hasStatusOk();

        eventually(Duration.ofSeconds(10), () -> assertThat(statuses(api.check(address)).get("postmark"))
                .startsWith("cannot remove (spam complaint"));
    }

    @Test
    void anImportedEntryIsNotPushedBack() {
        var domain = uniqueDomain("sync-import-back");
        var address = "old-bounce@" + domain;
        esps.list("sparkpost", "all", address, "550 user unknown", Instant.parse("2026-10-01T08:00:00Z"), "Bounce Rule");

        var result = mvc.post().uri("/providers/{provider}/import", "sparkpost").exchange();

        assertThat(result).hasStatusOk();
        OpenApiContract.assertMatches("POST", "/providers/{provider}/import", result);
        var summary = Api.body(result);
        assertThat(summary.get("origin").asString()).isEqualTo("provider:sparkpost");
        assertThat(summary.get("imported").asLong()).isGreaterThanOrEqualTo(1);
        var check = api.check(address);
        assertThat(check.get("verdict").asString()).isEqualTo("SUPPRESSED");
        assertThat(check.path("suppression").get("reason").asString()).isEqualTo("HARD_BOUNCE");
        assertThat(check.path("suppression").get("since").asString()).isEqualTo("2026-10-01T08:00:00Z");
        eventually(Duration.ofSeconds(10), () -> assertThat(statuses(api.check(address)))
                .containsOnlyKeys("mailgun", "postmark", "resend", "ses"));
        assertThat(esps.calls(c -> c.provider().equals("sparkpost") && c.method().equals("PUT") && c.body().contains(address)))
                .isEmpty();
        assertThat(jdbc.sql("select origin from suppression where address = ?").param(address).query(String.class).single())
                .isEqualTo("provider:sparkpost");
        var history = api.history(address).path("entries");
        assertThat(StreamSupport.stream(history.spliterator(), false).filter(e -> e.get("type").asString().equals("IMPORTED")))
                .singleElement().satisfies(e -> assertThat(e.get("reason").asString()).isEqualTo("imported from sparkpost"));
    }

    @Test
    void anAddressClearedHereIsNotImportedBack() {
        var address = suppressedAndListed("sync-import-cleared");
        esps.failNext("resend", 1000, call -> call.startsWith("DELETE ") && call.endsWith(address), 503, Map.of());
        assertThat(api.clear(address, "fixed", false)).hasStatusOk();

        assertThat(mvc.post().uri("/providers/{provider}/import", "resend").exchange()).hasStatusOk();

        assertThat(api.check(address).get("verdict").asString()).isEqualTo("ALLOW");
    }

    @Test
    void sesRemovesWithTheCaseItHolds() {
        var domain = uniqueDomain("sync-ses-case");
        esps.list("ses", "all", "Jane.Doe@" + domain.toUpperCase(), "BOUNCE", Instant.parse("2026-10-01T00:00:00Z"), "");
        importFrom("ses");
        var address = "jane.doe@" + domain;
        assertThat(api.check(address).get("verdict").asString()).isEqualTo("SUPPRESSED");

        assertThat(api.clear(address, "fixed", false)).hasStatusOk();

        eventually(Duration.ofSeconds(10), () -> assertThat(statuses(api.check(address)).get("ses")).startsWith("removed at "));
        assertThat(esps.holds("ses", "all", "Jane.Doe@" + domain.toUpperCase())).isFalse();
    }

    @Test
    void anImportOfAProviderNotConnectedIs404() {
        var result = mvc.post().uri("/providers/{provider}/import", "mandrill").exchange();

        assertThat(result).hasStatus(404);
        OpenApiContract.assertMatches("POST", "/providers/{provider}/import", result);
        assertThat(Api.body(result).get("detail").asString()).contains("suppression.provider-sync.mandrill");
    }

    @Test
    void eachCallIsCountedPerProviderActionAndOutcome() {
        var address = suppressedAndListed("sync-metrics");
        assertThat(api.clear(address, "fixed", false)).hasStatusOk();
        eventually(Duration.ofSeconds(10), () -> assertThat(statuses(api.check(address)).get("sendgrid")).startsWith("removed"));

        assertThat(meters.get("suppression.provider.actions").tag("provider", "sendgrid").tag("action", "remove")
                .tag("outcome", "done").counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("suppression.provider.actions").tag("provider", "ses").tag("action", "add")
                .tag("outcome", "done").counter().count()).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("suppression.provider.actions.pending").tag("provider", "sendgrid").gauge().value())
                .isGreaterThanOrEqualTo(0);
    }

    private JsonNode importFrom(String provider) {
        var result = mvc.post().uri("/providers/{provider}/import", provider).exchange();
        assertThat(result).hasStatusOk();
        return Api.body(result);
    }

    private long count(String domain, String origin) {
        return jdbc.sql("select count(*) from suppression where domain = ? and origin = ? and active")
                .params(domain, origin).query(Long.class).single();
    }

    @SuppressWarnings("unused")
    private static List<String> names(Iterable<JsonNode> nodes) {
        var names = new ArrayList<String>();
        nodes.forEach(n -> names.add(n.asString()));
        return names;
    }
}
