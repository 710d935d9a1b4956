package dev.suppression.bouncerate;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import dev.suppression.support.OpenApiContract;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class BounceRateTests {

    @Autowired
    MockMvcTester mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void eachStreamGetsItsRatesAndALevelOnceItHasTheMinimumVolume() {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var warn = "warn-" + run;
        var critical = "critical-" + run;
        var ok = "ok-" + run;
        var tooFew = "few-" + run;
        postSends(send(warn, "fair", 1000), send(critical, "fair", 600), send(ok, "fair", 1000), send(tooFew, "fair", 100));
        hardBounces(warn, "fair", 30);
        hardBounces(critical, "fair", 30);
        hardBounces(ok, "fair", 5);
        hardBounces(tooFew, "fair", 10);

        var rates = rates("stream", "24h");

        assertThat(row(rates, warn).get("level").asString()).isEqualTo("WARN");
        assertThat(row(rates, warn).get("hardBounceRate").asDouble()).isEqualTo(0.03);
        assertThat(row(rates, warn).get("sent").asLong()).isEqualTo(1000);
        assertThat(row(rates, warn).get("hardBounces").asLong()).isEqualTo(30);
        assertThat(row(rates, critical).get("level").asString()).isEqualTo("CRITICAL");
        assertThat(row(rates, ok).get("level").asString()).isEqualTo("OK");
        assertThat(row(rates, tooFew).get("level").asString()).isEqualTo("LOW_VOLUME");
        assertThat(rates.get("minimumVolume").asLong()).isEqualTo(500);
        assertThat(rates.at("/thresholds/criticalHardBounceRate").asDouble()).isEqualTo(0.05);
    }

    @Test
    void ratesAreAlsoReadPerListSourceAndPerRecipientDomain() {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var source = "signup-form-" + run;
        var domain = uniqueDomain("rates");
        postSends("""
                {"stream": "s-%s", "listSource": "%s", "recipientDomain": "%s", "count": 700}
                """.formatted(run, source, domain.toUpperCase()));
        for (int i = 0; i < 4; i++) {
            api.ingest(bounce("r" + i + "@" + domain, "s-" + run, source, null));
        }

        var bySource = row(rates("listSource", "1h"), source);
        var byDomain = row(rates("recipientDomain", "PT2H"), domain);

        assertThat(bySource.get("sent").asLong()).isEqualTo(700);
        assertThat(bySource.get("hardBounces").asLong()).isEqualTo(4);
        assertThat(byDomain.get("hardBounces").asLong()).isEqualTo(4);
        assertThat(byDomain.get("sent").asLong()).isEqualTo(700);
    }

    @Test
    void aHardBounceDeliveredTwiceCountsOnceAndSoftBouncesNever() {
        var stream = "dup-" + UUID.randomUUID().toString().substring(0, 8);
        var domain = uniqueDomain("dup");
        var event = bounce("once@" + domain, stream, null, "evt-" + UUID.randomUUID());
        api.ingest(event);
        api.ingest(event);
        api.ingest("""
                {"recipient": "full@%s", "smtpCode": 452, "enhancedCode": "4.2.2", "diagnostic": "mailbox full",
                 "stream": "%s"}""".formatted(domain, stream));

        assertThat(row(rates("stream", "24h"), stream).get("hardBounces").asLong()).isEqualTo(1);
    }

    @Test
    void countsAddUpExactlyUnderParallelIngestion() throws Exception {
        var stream = "parallel-" + UUID.randomUUID().toString().substring(0, 8);
        var tasks = new ArrayList<Callable<Integer>>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            tasks.add(() -> {
                for (int i = 0; i < 10; i++) {
                    assertThat(postSends(send(stream, "parallel", 7))).hasStatusOk();
                    var domain = "p" + thread + "-" + i + "-" + stream + ".example";
                    assertThat(api.postBounces("[" + bounce("a@" + domain, stream, "parallel", null) + ","
                            + bounce("b@" + domain, stream, "parallel", null) + "]")).hasStatusOk();
                }
                return thread;
            });
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (var future : pool.invokeAll(tasks)) {
                future.get();
            }
        }

        var row = row(rates("stream", "24h"), stream);

        assertThat(row.get("sent").asLong()).isEqualTo(8 * 10 * 7);
        assertThat(row.get("hardBounces").asLong()).isEqualTo(8 * 10 * 2);
    }

    @Test
    void aMalformedItemIsAnsweredWithWhyAndTheOthersAreCounted() {
        var stream = "mixed-" + UUID.randomUUID().toString().substring(0, 8);

        var result = postSends("{\"count\": \"many\"}", send(stream, "x", 40), "{\"stream\": 7, \"count\": 1}",
                "{\"count\": 5, \"at\": \"yesterday\"}", "\"not an object\"");

        var body = expect(200, "POST", "/sends", result);
        assertThat(body.get("counted").asInt()).isEqualTo(1);
        assertThat(body.get("sends").asLong()).isEqualTo(40);
        assertThat(body.get("rejected").valueStream().map(r -> r.get("index").asInt())).containsExactly(0, 2, 3, 4);
        assertThat(body.at("/rejected/0/detail").asString()).contains("'count' must be a whole number");
        assertThat(body.at("/rejected/2/detail").asString()).contains("ISO-8601");
        assertThat(row(rates("stream", "24h"), stream).get("sent").asLong()).isEqualTo(40);
    }

    @Test
    void aBodyWithoutSendsIsAProblemSayingWhatToSend() {
        var body = expect(400, "POST", "/sends",
                mvc.post().uri("/sends").contentType(MediaType.APPLICATION_JSON).content("{}").exchange());

        assertThat(body.get("detail").asString()).contains("{\"sends\": [");
    }

    @Test
    void anUnknownGroupingOrAnUnreadableWindowIsAProblem() {
        var badBy = expect(400, "GET", "/stats/bounce-rates",
                mvc.get().uri("/stats/bounce-rates?by=campaign").exchange());
        var badWindow = expect(400, "GET", "/stats/bounce-rates",
                mvc.get().uri("/stats/bounce-rates?window=forever").exchange());
        var tooLong = expect(400, "GET", "/stats/bounce-rates",
                mvc.get().uri("/stats/bounce-rates?window=90d").exchange());

        assertThat(badBy.get("detail").asString()).contains("stream, listSource or recipientDomain");
        assertThat(badWindow.get("detail").asString()).contains("30m, 24h or 7d");
        assertThat(tooLong.get("detail").asString()).contains("at most 31d");
    }

    private MvcTestResult postSends(String... items) {
        return mvc.post().uri("/sends").contentType(MediaType.APPLICATION_JSON)
                .content("{\"sends\": [" + String.join(",", items) + "]}").exchange();
    }

    private static String send(String stream, String listSource, int count) {
        return "{\"stream\": \"%s\", \"listSource\": \"%s\", \"count\": %d}".formatted(stream, listSource, count);
    }

    private void hardBounces(String stream, String listSource, int count) {
        var domain = uniqueDomain("hb");
        var batch = IntStream.range(0, count).mapToObj(i -> bounce("u" + i + "@" + domain, stream, listSource, null))
                .collect(Collectors.joining(",", "[", "]"));
        assertThat(api.postBounces(batch)).hasStatusOk();
    }

    private static String bounce(String address, String stream, @Nullable String listSource, @Nullable String eventId) {
        return """
                {"recipient": "%s", "smtpCode": 550, "enhancedCode": "5.1.1", "diagnostic": "550 5.1.1 user unknown",
                 "stream": "%s"%s%s}""".formatted(address, stream,
                listSource == null ? "" : ", \"listSource\": \"" + listSource + "\"",
                eventId == null ? "" : ", \"eventId\": \"" + eventId + "\"");
    }

    private JsonNode rates(String by, String window) {
        return expect(200, "GET", "/stats/bounce-rates",
                mvc.get().uri("/stats/bounce-rates?by={by}&window={window}", by, window).exchange());
    }

    private static JsonNode row(JsonNode rates, String key) {
        return rates.get("rows").valueStream().filter(r -> key.equals(r.get("key").asString())).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + rates));
    }

    private static JsonNode expect(int status, String method, String path, MvcTestResult result) {
        assertThat(result).hasStatus(status);
        OpenApiContract.assertMatches(method, path, result);
        return Api.body(result);
    }
}
