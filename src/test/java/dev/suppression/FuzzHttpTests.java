package dev.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.address.EmailAddress;
import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import dev.suppression.support.OpenApiContract;
import dev.suppression.support.TestKeys;
import dev.suppression.support.TestProviderKeys;
import dev.suppression.support.Webhooks;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.boot.webmvc.test.autoconfigure.SpringBootMockMvcBuilderCustomizer;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Fuzzes the whole HTTP API (issue 5, "Bad input"): thousands of random and mutated JSON bodies, headers,
 * paths and query parameters against every operation in {@code openapi.yaml}. Whatever arrives, the service
 * never answers 5xx, every error is {@code application/problem+json} with a {@code detail} that tells the
 * caller something and leaks nothing internal, and a batch that mixes valid events with garbage keeps every
 * valid event, with one result per input in input order.
 *
 * <p>Each run draws a new seed; a failure names it. Re-run one with {@code -Dfuzz.seed=<seed>}, and scale a
 * run with {@code -Dfuzz.requests=<n>} and {@code -Dfuzz.batches=<n>}.
 */
@IntegrationTest
class FuzzHttpTests {

    private static final long SEED = Long.getLong("fuzz.seed", new SecureRandom().nextLong());
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 2000);
    private static final int BATCHES = Integer.getInteger("fuzz.batches", 120);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;
    private static final List<String> EVENT_FIELDS = List.of("recipient", "smtpCode", "enhancedCode", "diagnostic",
            "occurredAt", "eventId", "messageId", "reportingMta", "source", "origin");
    /** What must never reach a client: class names, packages, stack frames, SQL and driver messages. */
    private static final List<Pattern> LEAKS = List.of(
            Pattern.compile("\\b[A-Z][A-Za-z0-9]*(?:Exception|Error)\\b"),
            Pattern.compile("\\b(?:org|java|javax|jakarta|com|tools|dev|sun)\\.[a-z_]+\\.[a-z_]+"),
            Pattern.compile("\\bSQL\\b|SQLSTATE|PSQL|(?i:\\binsert into\\b|\\bselect\\b.*\\bfrom\\b)|ERROR: "),
            Pattern.compile("\\bat [a-z_$][\\w$]*\\.[\\w$.]+\\("),
            Pattern.compile("\\.java:\\d+"),
            Pattern.compile("(?i)hibernate|hikari|jdbc|stack ?trace"));

    @Autowired
    WebApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    /**
     * The service as the autowired {@code MockMvcTester} calls it (all filters, the admin key by default), but
     * without recording every exchange to print when a test fails: for thousands of fuzzed requests that record
     * runs to tens of megabytes and minutes.
     */
    MockMvcTester mvc;

    /** The same, without the default admin key, for requests that carry no Authorization header at all. */
    MockMvcTester anonymous;

    @BeforeEach
    void setUp() {
        mvc = quietTester(true);
        anonymous = quietTester(false);
    }

    private MockMvcTester quietTester(boolean asAdmin) {
        var customizer = new SpringBootMockMvcBuilderCustomizer(context);
        customizer.setAddFilters(true);
        customizer.setPrint(MockMvcPrint.NONE);
        var builder = MockMvcBuilders.webAppContextSetup(context);
        customizer.customize(builder);
        if (asAdmin) {
            builder.defaultRequest(MockMvcRequestBuilders.get("/")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.ADMIN));
        }
        return MockMvcTester.create(builder.build());
    }

    // ---------------------------------------------------------------------------------------------
    // Random requests against every operation
    // ---------------------------------------------------------------------------------------------

    @Test
    void randomRequestsToEveryOperationNeverFailTheServerAndEveryErrorIsAProblem() {
        var random = new Random(SEED);
        var playground = Playground.prepare(mvc, random);
        var inputs = new Inputs(random, playground);
        var operations = Operation.all();
        var failures = new Failures("random requests");
        var started = System.nanoTime();

        for (int i = 0; i < REQUESTS; i++) {
            var operation = operations.get(random.nextInt(operations.size()));
            var request = inputs.request(operation);
            var result = send(request);
            failures.checkResponse(request, result);
            if (failures.isEmptyFor(request) && request.isBatchPost() && status(result) == 200) {
                failures.checkIngestionAnswer(request, result);
            }
        }

        for (var provider : List.of("sendgrid", "mailgun", "postmark", "sparkpost", "resend")) {
            var label = "POST /webhooks/{provider} signed for " + provider;
            if (failures.answeredOtherThan(label) > 3 && failures.answeredOtherThan(label, 401) == 0) {
                failures.note("No request signed for " + provider + " got past its authentication, so its payload "
                        + "parser was not fuzzed: the fuzzer signs differently from the service.");
                failures.add(FuzzRequest.post("/webhooks/" + provider, "{}"), send(FuzzRequest.post("/webhooks/" + provider, "{}")),
                        "signed webhooks never authenticated");
            }
        }
        failures.assertNone(REQUESTS, started);
    }

    // ---------------------------------------------------------------------------------------------
    // Batches of valid events mixed with garbage
    // ---------------------------------------------------------------------------------------------

    @Test
    void mixedBatchesKeepEveryValidEventWithOneResultPerInputInOrder() {
        var random = new Random(SEED ^ 0x5DEECE66DL);
        var inputs = new Inputs(random, Playground.empty());
        var domains = List.of(Api.uniqueDomain("fuzz-batch"), Api.uniqueDomain("fuzz-batch"),
                Api.uniqueDomain("fuzz-bücher"));
        var failures = new Failures("mixed batches");
        var culprits = new LinkedHashMap<String, String>();
        var started = System.nanoTime();

        for (int b = 0; b < BATCHES; b++) {
            var elements = new ArrayList<Element>();
            int valid = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 6);
            int garbage = 1 + random.nextInt(random.nextInt(10) == 0 ? 40 : 8);
            for (int i = 0; i < valid; i++) {
                elements.add(inputs.validElement("b" + b + "v" + i, domains.get(random.nextInt(domains.size()))));
            }
            for (int i = 0; i < garbage; i++) {
                elements.add(inputs.garbageElement("b" + b + "g" + i));
            }
            Collections.shuffle(elements, random);
            if (random.nextInt(15) == 0) {
                var repeated = elements.stream().filter(e -> e.valid() != null).findFirst().orElseThrow();
                elements.add(new Element(repeated.json(), null, false, repeated));
            }
            var body = elements.stream().map(Element::json).collect(Collectors.joining(",", "[", "]"));
            var request = FuzzRequest.post("/bounces", body);

            var result = send(request);

            var failuresBefore = failures.count();
            failures.checkResponse(request, result);
            if (status(result) != 200) {
                if (status(result) < 500) {
                    failures.add(request, result, "batch answered " + status(result) + " instead of 200");
                }
                if (culprits.size() < 12) {
                    findCulprits(elements, culprits);
                }
            } else {
                checkBatch(elements, request, result, failures);
            }
            var ids = elements.stream().filter(e -> e.valid() != null).map(e -> e.valid().eventId()).toList();
            var stored = jdbc.sql("select count(*) from bounce_event where event_id in (:ids)").param("ids", ids)
                    .query(Long.class).single();
            var expected = status(result) == 200 ? ids.size() : 0;
            if (stored != expected) {
                failures.add(request, result, (status(result) == 200 ? "valid events lost" : "half-written batch")
                        + ": " + stored + " of " + ids.size() + " valid events stored, expected " + expected);
            }
            if (failures.count() == failuresBefore && status(result) == 200) {
                checkSuppressed(elements, request, result, failures);
            }
        }

        if (!culprits.isEmpty()) {
            failures.note("Elements that fail a batch on their own (rerun them alone to reproduce):\n"
                    + culprits.entrySet().stream().map(e -> "  " + e.getKey() + "\n    " + e.getValue())
                    .collect(Collectors.joining("\n")));
        }
        failures.assertNone(BATCHES, started);
    }

    private void checkBatch(List<Element> elements, FuzzRequest request, MvcTestResult result, Failures failures) {
        var answer = body(result);
        var results = answer.path("results");
        if (!results.isArray() || results.size() != elements.size()) {
            failures.add(request, result, "results has " + results.size() + " entries for " + elements.size() + " inputs");
            return;
        }
        int accepted = 0, duplicates = 0, rejected = 0;
        for (int i = 0; i < elements.size(); i++) {
            var element = elements.get(i);
            var entry = results.get(i);
            var status = entry.path("status").asString("");
            switch (status) {
                case "accepted" -> accepted++;
                case "duplicate" -> duplicates++;
                case "rejected" -> rejected++;
                default -> failures.add(request, result, "results[" + i + "] has status '" + status + "'");
            }
            if (entry.path("index").asInt(-1) != i) {
                failures.add(request, result, "results[" + i + "] has index " + entry.path("index"));
            }
            if (status.equals("rejected") && entry.path("detail").asString("").isBlank()) {
                failures.add(request, result, "results[" + i + "] is rejected without a detail");
            }
            if (element.valid() != null) {
                var v = element.valid();
                if (!status.equals("accepted") || !v.normalizedRecipient().equals(entry.path("recipient").asString(""))
                        || !v.classification().equals(entry.path("classification").asString(""))
                        || !v.eventId().equals(entry.path("eventId").asString(""))) {
                    failures.add(request, result, "valid event " + element.json() + " came back as " + entry
                            + ", expected accepted " + v.normalizedRecipient() + " " + v.classification());
                }
            }
            if (element.repeatOf() != null && !status.equals("duplicate")) {
                failures.add(request, result, "a repeated event came back as " + entry + ", expected duplicate");
            }
            if (element.certainlyInvalid() && !status.equals("rejected")) {
                failures.add(request, result, "garbage " + element.json() + " came back as " + entry);
            }
        }
        if (answer.path("accepted").asInt(-1) != accepted || answer.path("duplicates").asInt(-1) != duplicates
                || answer.path("rejected").asInt(-1) != rejected) {
            failures.add(request, result, "the counts do not match the results");
        }
    }

    private void checkSuppressed(List<Element> elements, FuzzRequest request, MvcTestResult result, Failures failures) {
        for (var element : elements) {
            var v = element.valid();
            if (v != null && v.suppresses()) {
                var check = mvc.get().uri("/suppressions/{address}", v.normalizedRecipient()).exchange();
                var verdict = status(check) == 200 ? body(check).path("verdict").asString("") : "HTTP " + status(check);
                if (!verdict.equals("SUPPRESSED")) {
                    failures.add(request, result, "hard bounce " + element.json() + " was acknowledged, but the check of "
                            + v.normalizedRecipient() + " says " + verdict);
                }
            }
        }
    }

    /** Sends each garbage element of a failed batch on its own, to name the ones that fail it. */
    private void findCulprits(List<Element> elements, Map<String, String> culprits) {
        for (var element : elements) {
            if (element.valid() == null && element.repeatOf() == null) {
                var alone = send(FuzzRequest.post("/bounces", "[" + element.json() + "]"));
                var cause = alone.getUnresolvedException() != null ? alone.getUnresolvedException()
                        : alone.getMvcResult().getResolvedException();
                if (status(alone) >= 500 || status(alone) < 0) {
                    culprits.putIfAbsent(shorten(element.json(), 400), "-> " + status(alone)
                            + (cause == null ? " " + shorten(text(alone), 200) : " (" + rootCause(cause) + ")"));
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // What fuzzing found: one example of each failure, named by the rule it breaks
    // ---------------------------------------------------------------------------------------------

    @Test
    void aRecipientWithANulCharacterIsRejectedWithoutSinkingTheBatch() {
        var good = "kept@" + Api.uniqueDomain("fuzz-nul");

        var result = postBounces("[" + Api.userUnknown(good) + ", {\"recipient\": \"a\\u0000b@example.org\", \"smtpCode\": 550}]");

        assertThat(result).hasStatusOk();
        assertThat(body(result).path("results").get(0).path("status").asString()).isEqualTo("accepted");
        assertThat(body(result).path("results").get(1).path("status").asString()).isEqualTo("rejected");
    }

    @Test
    void aNumericEventIdLongerThanTheColumnIsRejectedWithoutSinkingTheBatch() {
        var good = "kept@" + Api.uniqueDomain("fuzz-id");
        var longId = "{\"recipient\": \"other@example.org\", \"smtpCode\": 550, \"eventId\": " + "9".repeat(300) + "}";

        var result = postBounces("[" + Api.userUnknown(good) + ", " + longId + "]");

        assertThat(result).hasStatusOk();
        assertThat(body(result).path("results").get(1).path("status").asString()).isEqualTo("rejected");
        assertThat(body(result).path("results").get(1).path("detail").asString()).contains("eventId");
    }

    @Test
    void anOccurredAtTheDatabaseCannotHoldIsRejectedWithoutSinkingTheBatch() {
        var good = "kept@" + Api.uniqueDomain("fuzz-time");

        var result = postBounces("[" + Api.userUnknown(good) + ","
                + " {\"recipient\": \"a@example.org\", \"smtpCode\": 550, \"occurredAt\": \"-999999-01-01T00:00:00Z\"},"
                + " {\"recipient\": \"b@example.org\", \"smtpCode\": 550, \"occurredAt\": \"-999999999-01-01T00:00:00+18:00\"}]");

        assertThat(result).hasStatusOk();
        var results = body(result).path("results");
        assertThat(List.of(results.get(1), results.get(2))).allSatisfy(r -> {
            assertThat(r.path("status").asString()).isEqualTo("rejected");
            assertThat(r.path("detail").asString()).contains("occurredAt");
        });
    }

    @Test
    void aCursorThatDecodesToANulCharacterIsABadRequest() {
        var result = mvc.get().uri("/suppressions?cursor=AA").exchange();

        assertIsProblem(result, 400);
    }

    @Test
    void revokingAKeyThatDoesNotExistIsNotFound() {
        var result = mvc.delete().uri("/api-keys/{id}", UUID.randomUUID()).exchange();

        assertIsProblem(result, 404);
    }

    @Test
    void aReasonWithANulCharacterIsABadRequest() {
        var address = "manual@" + Api.uniqueDomain("fuzz-reason");

        var result = mvc.put().uri("/suppressions/{address}", address).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"asked by phone\\u0000\"}").exchange();

        assertIsProblem(result, 400);
    }

    @Test
    void aKeyWithANulCharacterInItsNameOrAnExpiryTheDatabaseCannotHoldIsABadRequest() {
        var nul = mvc.post().uri("/api-keys").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"ops\\u0000\", \"roles\": [\"check\"]}").exchange();
        var farExpiry = mvc.post().uri("/api-keys").contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"ops\", \"roles\": [\"check\"], \"expiresAt\": \"+999999999-12-31T23:59:59Z\"}")
                .exchange();

        assertIsProblem(nul, 400);
        assertIsProblem(farExpiry, 400);
    }

    @Test
    void anXActorHeaderWithControlCharactersIsABadRequest() {
        var address = "manual@" + Api.uniqueDomain("fuzz-actor");

        var result = mvc.put().uri("/suppressions/{address}", address).header("X-Actor", "alice\u0007")
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"asked by phone\"}").exchange();

        assertIsProblem(result, 400);
    }

    @Test
    void aRequestTheFirewallRefusesIsAProblem() {
        var encodedBackslash = mvc.get().uri(URI.create("/suppressions/a%5Cb@example.org")).exchange();
        var oddParameterName = mvc.get().uri(URI.create("/actuator/health/liveness?%0A=1")).exchange();

        assertIsProblem(encodedBackslash, 400);
        assertIsProblem(oddParameterName, 400);
    }

    /** '%' is atext (RFC 5322 3.2.3), and the address parser accepts it; the check must be reachable for it. */
    @Test
    void anAddressWithAPercentSignCanBeChecked() {
        var address = "user%relay@" + Api.uniqueDomain("fuzz-percent");

        var result = mvc.get().uri("/suppressions/{address}", address).exchange();

        assertThat(result).hasStatusOk();
        assertThat(body(result).path("address").asString()).isEqualTo(address);
    }

    @Test
    void anUnparsableAcceptHeaderStillGetsAProblem() {
        var result = mvc.get().uri("/suppressions/not-an-address").header("Accept", "garbage").exchange();

        assertIsProblem(result, 400);
    }

    @Test
    void anImportRowWithASinceTheDatabaseCannotHoldIsRejectedWithoutFailingTheImport() {
        var domain = Api.uniqueDomain("fuzz-import");
        var csv = "address,reason,since\n"
                + "kept@" + domain + ",MANUAL,2026-01-15T08:00:00Z\n"
                + "far@" + domain + ",MANUAL,+999999999-12-31T23:59:59Z\n"
                + "old@" + domain + ",MANUAL,-999999-01-01T00:00:00Z\n";

        var result = mvc.post().uri("/suppressions/import").contentType("text/csv").content(csv).exchange();

        assertThat(result).hasStatusOk();
        assertThat(body(result).path("rejected").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from suppression where address = :a").param("a", "kept@" + domain)
                .query(Long.class).single()).isOne();
    }

    @Test
    void anImportRowWhoseFieldIsNotAStringIsRejectedWithoutFailingTheImport() {
        var domain = Api.uniqueDomain("fuzz-import");
        var ndjson = "{\"address\": \"kept@" + domain + "\", \"reason\": \"MANUAL\"}\n"
                + "{\"address\": [\"list@" + domain + "\"], \"reason\": {\"why\": 1}}\n";

        var result = mvc.post().uri("/suppressions/import").contentType("application/x-ndjson").content(ndjson).exchange();

        assertThat(result).hasStatusOk();
        assertThat(body(result).path("rejected").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from suppression where address = :a").param("a", "kept@" + domain)
                .query(Long.class).single()).isOne();
    }

    /** A provider retries whatever is not 2xx: a 500 for one odd character makes it retry the batch for days. */
    @Test
    void aWebhookEventWithANulCharacterInItsReasonIsStoredOrRefusedButNeverFailsTheDelivery() {
        var domain = Api.uniqueDomain("fuzz-webhook");
        var payload = Webhooks.fixture("sparkpost", "bounce.json", "type", "bounce", "class", "10", "code", "550",
                "id", String.valueOf(System.nanoTime()), "rcpt", "hard@" + domain,
                "reason", "550 5.1.1 user unknown\\u0000", "domain", domain,
                "ts", String.valueOf(Instant.now().getEpochSecond()));

        var result = mvc.post().uri("/webhooks/sparkpost").contentType(MediaType.APPLICATION_JSON).content(payload)
                .header(HttpHeaders.AUTHORIZATION, Inputs.basic(TestProviderKeys.SPARKPOST_USERNAME,
                        TestProviderKeys.SPARKPOST_PASSWORD)).exchange();

        assertThat(status(result)).isLessThan(500);
    }

    /** No endpoint takes a form, yet a PUT, PATCH or DELETE with a form content type is decoded before any handler. */
    @Test
    void aFormBodyThatCannotBeDecodedIsABadRequest() {
        var address = "manual@" + Api.uniqueDomain("fuzz-form");

        var result = mvc.put().uri("/suppressions/{address}", address)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).content("reason=%ZZ").exchange();

        assertThat(result.getUnresolvedException()).as("an exception that escaped every handler and filter").isNull();
        assertIsProblem(result, status(result) == 415 ? 415 : 400);
    }

    private MvcTestResult postBounces(String json) {
        return mvc.post().uri("/bounces").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private static void assertIsProblem(MvcTestResult result, int status) {
        assertThat(result.getUnresolvedException()).as("an exception that escaped every handler and filter").isNull();
        assertThat(result).hasStatus(status);
        assertThat(result).contentType().isCompatibleWith(PROBLEM);
        assertThat(body(result).path("detail").asString("")).isNotBlank();
    }

    // ---------------------------------------------------------------------------------------------
    // Sending and reading
    // ---------------------------------------------------------------------------------------------

    private MvcTestResult send(FuzzRequest request) {
        var tester = request.headers().containsKey("Authorization") || !request.withoutKey() ? mvc : anonymous;
        var builder = tester.method(request.method()).uri(request.uri());
        request.headers().forEach((name, value) -> builder.header(name, value));
        if (request.body() != null) {
            builder.content(request.body());
        }
        return builder.exchange();
    }

    /** The status, or -1 when an exception escaped every handler and filter (MockMvc then has no response). */
    private static int status(MvcTestResult result) {
        return result.getUnresolvedException() != null ? -1 : result.getResponse().getStatus();
    }

    private static @Nullable String contentType(MvcTestResult result) {
        return result.getUnresolvedException() != null ? null : result.getResponse().getContentType();
    }

    private static String text(MvcTestResult result) {
        if (result.getUnresolvedException() != null) {
            return "(no response: " + result.getUnresolvedException() + ")";
        }
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode body(MvcTestResult result) {
        try {
            return JSON.readTree(text(result));
        } catch (JacksonException e) {
            return NODES.missingNode();
        }
    }

    private static String rootCause(Throwable e) {
        var root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        var message = String.valueOf(root.getMessage()).lines().findFirst().orElse("")
                .replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("\\S*\\d\\S*", "N");
        return root.getClass().getSimpleName() + ": " + (message.length() > 90 ? message.substring(0, 90) : message);
    }

    private static String shorten(String s, int max) {
        var printable = s.codePoints().mapToObj(c -> c < 32 || c == 127 || (c >= 0xD800 && c <= 0xDFFF)
                ? String.format("\\u%04x", c) : new String(Character.toChars(c))).collect(Collectors.joining());
        return printable.length() <= max ? printable : printable.substring(0, max) + "... (" + s.length() + " chars)";
    }

    // ---------------------------------------------------------------------------------------------
    // The checks, collected so one run reports every distinct failure
    // ---------------------------------------------------------------------------------------------

    private final class Failures {

        private final String what;
        private final Map<String, String> examples = new LinkedHashMap<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private final List<String> notes = new ArrayList<>();
        private final Map<String, Map<Integer, Integer>> census = new java.util.TreeMap<>();
        private final Map<FuzzRequest, Boolean> failed = new java.util.IdentityHashMap<>();
        private int total;

        Failures(String what) {
            this.what = what;
        }

        void checkResponse(FuzzRequest request, MvcTestResult result) {
            census.computeIfAbsent(request.label(), k -> new java.util.TreeMap<>())
                    .merge(status(result), 1, Integer::sum);
            if (result.getUnresolvedException() != null) {
                add(request, result, "an exception escaped every handler and filter (a servlet container answers 500)");
                return;
            }
            var status = status(result);
            if (status >= 500) {
                add(request, result, "server error " + status);
            }
            if (status >= 400) {
                checkProblem(request, result, status);
            } else if (status / 100 == 2 && request.checksContract()) {
                try {
                    OpenApiContract.assertMatches(request.method().name(), request.template(), result);
                } catch (AssertionError e) {
                    add(request, result, "contract: " + e.getMessage().lines().findFirst().orElse(""));
                }
            }
        }

        private void checkProblem(FuzzRequest request, MvcTestResult result, int status) {
            var contentType = contentType(result);
            if (contentType == null || !PROBLEM.isCompatibleWith(MediaType.parseMediaType(contentType))) {
                add(request, result, status + " is not application/problem+json but " + contentType);
                return;
            }
            var problem = body(result);
            var detail = problem.path("detail").asString("");
            if (detail.isBlank()) {
                add(request, result, status + " problem without a detail");
            }
            if (problem.path("status").asInt(status) != status) {
                add(request, result, status + " problem says status " + problem.path("status"));
            }
            var shown = detail + "\n" + problem.path("title").asString("");
            var sent = request.text().toLowerCase(Locale.ROOT);
            for (var leak : LEAKS) {
                var m = leak.matcher(shown);
                while (m.find()) {
                    if (!sent.contains(m.group().toLowerCase(Locale.ROOT))) {
                        add(request, result, status + " detail leaks '" + m.group() + "'");
                        break;
                    }
                }
            }
        }

        void checkIngestionAnswer(FuzzRequest request, MvcTestResult result) {
            var answered = contentType(result);
            if (answered == null || !MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(answered))) {
                return;
            }
            JsonNode sent;
            try {
                // Bytes, as the service reads them: Jackson detects UTF-16 and UTF-32 and skips a byte order mark.
                sent = JSON.readTree(request.body());
            } catch (JacksonException e) {
                add(request, result, "a body that is not JSON was answered 200");
                return;
            }
            var results = body(result).path("results");
            int expected = sent.isArray() ? sent.size() : 1;
            if (results.size() != expected) {
                add(request, result, "results has " + results.size() + " entries for " + expected + " inputs");
                return;
            }
            for (int i = 0; i < expected; i++) {
                if (results.get(i).path("index").asInt(-1) != i) {
                    add(request, result, "results[" + i + "] has index " + results.get(i).path("index"));
                }
            }
        }

        void add(FuzzRequest request, MvcTestResult result, String problem) {
            failed.put(request, true);
            total++;
            var cause = result.getUnresolvedException() != null ? result.getUnresolvedException()
                    : result.getMvcResult().getResolvedException();
            var signature = problem.contains("not application/problem+json") ? problem + hint(request, result)
                    : request.method() + " " + request.template() + (request.mutatedPath() ? " (mutated path)" : "")
                    + ": " + problem.replaceAll("\\d{4,}", "N")
                    + (cause == null || (status(result) >= 0 && status(result) < 500) ? "" : " (" + rootCause(cause) + ")");
            counts.merge(signature, 1, Integer::sum);
            examples.computeIfAbsent(signature, s -> "  request:  " + request.describe() + "\n  response: "
                    + status(result) + " " + contentType(result) + " " + shorten(text(result), 400));
        }

        private static String hint(FuzzRequest request, MvcTestResult result) {
            var accept = request.headers().get("Accept");
            if (accept != null) {
                try {
                    MediaType.parseMediaTypes(accept);
                } catch (RuntimeException e) {
                    return " (the Accept header cannot be parsed)";
                }
            }
            if (status(result) == 400 && text(result).isEmpty()) {
                return " (refused before Spring MVC, as Spring Security's StrictHttpFirewall does)";
            }
            if (request.template().startsWith("/actuator/")) {
                return " (from Spring Boot Actuator)";
            }
            return "";
        }

        /** How often an operation answered with a status other than the given ones. */
        int answeredOtherThan(String label, int... statuses) {
            var seen = new LinkedHashMap<>(census.getOrDefault(label, Map.of()));
            for (var status : statuses) {
                seen.remove(status);
            }
            return seen.values().stream().mapToInt(Integer::intValue).sum();
        }

        boolean isEmptyFor(FuzzRequest request) {
            return !failed.containsKey(request);
        }

        int count() {
            return total;
        }

        void note(String text) {
            notes.add(text);
        }

        void assertNone(int runs, long startedNanos) {
            var elapsed = Duration.ofNanos(System.nanoTime() - startedNanos);
            var report = new StringBuilder("Fuzzing found %d failures of %d kinds in %d %s (%d ms). Seed %d: rerun with -Dfuzz.seed=%d%n"
                    .formatted(total, counts.size(), runs, what, elapsed.toMillis(), SEED, SEED));
            counts.forEach((signature, n) -> report.append("%n%dx %s%n%s%n".formatted(n, signature, examples.get(signature))));
            notes.forEach(n -> report.append("\n").append(n).append("\n"));
            report.append("\nStatuses per operation:\n");
            census.forEach((label, statuses) -> report.append("  ").append(label).append(" ").append(statuses).append("\n"));
            assertThat(counts).withFailMessage(report::toString).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The operations, read from openapi.yaml
    // ---------------------------------------------------------------------------------------------

    record Parameter(String name, String in, String type, boolean required) { }

    record Operation(HttpMethod method, String template, List<Parameter> parameters, List<String> bodyTypes,
                     boolean inContract) {

        boolean takesBody() {
            return !bodyTypes.isEmpty();
        }

        /** Every operation of openapi.yaml, and key management, which every endpoint rule covers too. */
        static List<Operation> all() {
            var spec = YAMLMapper.builder().build().readTree(OpenApiContract.readServiceSpec());
            var operations = new ArrayList<Operation>();
            for (var path : spec.path("paths").properties()) {
                var shared = path.getValue().path("parameters");
                for (var op : path.getValue().properties()) {
                    if (!List.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                        continue;
                    }
                    var parameters = new ArrayList<Parameter>();
                    for (var list : List.of(shared, op.getValue().path("parameters"))) {
                        for (var p : list) {
                            var resolved = p.has("$ref") ? spec.at(p.get("$ref").asString().substring(1)) : p;
                            parameters.add(new Parameter(resolved.path("name").asString(), resolved.path("in").asString(),
                                    resolved.path("schema").path("type").asString("string"),
                                    resolved.path("required").asBoolean(false)));
                        }
                    }
                    var bodyTypes = new ArrayList<>(op.getValue().path("requestBody").path("content").propertyNames());
                    operations.add(new Operation(HttpMethod.valueOf(op.getKey().toUpperCase(Locale.ROOT)), path.getKey(),
                            parameters, bodyTypes, true));
                }
            }
            var declared = operations.stream().map(o -> o.method() + " " + o.template()).toList();
            var id = new Parameter("id", "path", "string", true);
            for (var extra : List.of(new Operation(HttpMethod.GET, "/api-keys", List.of(), List.of(), false),
                    new Operation(HttpMethod.POST, "/api-keys", List.of(), List.of("application/json"), false),
                    new Operation(HttpMethod.DELETE, "/api-keys/{id}", List.of(id), List.of(), false))) {
                if (!declared.contains(extra.method() + " " + extra.template())) {
                    operations.add(extra);
                }
            }
            assertThat(operations).as("operations in openapi.yaml").hasSizeGreaterThan(8);
            return operations;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Requests
    // ---------------------------------------------------------------------------------------------

    record FuzzRequest(HttpMethod method, String template, URI uri, Map<String, String> headers, byte @Nullable [] body,
                       boolean mutatedPath, boolean withoutKey, boolean checksContract, @Nullable String signedFor) {

        /** The operation, and for a signed webhook the provider it is signed for. */
        String label() {
            return method + " " + template + (mutatedPath ? " (mutated path)" : "")
                    + (signedFor == null ? "" : " signed for " + signedFor);
        }

        static FuzzRequest post(String path, String json) {
            return new FuzzRequest(HttpMethod.POST, path, URI.create(path), Map.of("Content-Type", "application/json"),
                    json.getBytes(StandardCharsets.UTF_8), false, false, false, null);
        }

        boolean isBatchPost() {
            return method == HttpMethod.POST && template.equals("/bounces") && !mutatedPath
                    && MediaType.APPLICATION_JSON.equalsTypeAndSubtype(contentType());
        }

        private @Nullable MediaType contentType() {
            try {
                var value = headers.get("Content-Type");
                return value == null ? null : MediaType.parseMediaType(value);
            } catch (RuntimeException e) {
                return null;
            }
        }

        /** Everything the client sent, decoded, to tell an echo of its own input from a leak. */
        String text() {
            String decoded;
            try {
                decoded = UriUtils.decode(uri.getRawPath() + "?" + uri.getRawQuery(), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                decoded = "";
            }
            return decoded + "\n" + uri + "\n" + headers + "\n" + (body == null ? "" : new String(body, StandardCharsets.UTF_8));
        }

        String describe() {
            return method + " " + shorten(uri.toString(), 300) + " headers " + shorten(headers.toString(), 300)
                    + (withoutKey ? " (no Authorization)" : "")
                    + (body == null ? "" : " body " + shorten(new String(body, StandardCharsets.UTF_8), 600));
        }

        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** A batch element: a valid event (what must come back accepted), or garbage. */
    record Element(String json, @Nullable ValidEvent valid, boolean certainlyInvalid, @Nullable Element repeatOf) { }

    record ValidEvent(String normalizedRecipient, String eventId, String classification, boolean suppresses) { }

    /** State the random requests can hit: suppressed addresses, a paused domain, real cursors. */
    record Playground(List<String> addresses, List<String> domains, List<String> cursors) {

        static Playground empty() {
            return new Playground(List.of("jane@example.org"), List.of("example.org"), List.of());
        }

        static Playground prepare(MockMvcTester mvc, Random random) {
            var api = new Api(mvc);
            var paused = Api.uniqueDomain("fuzz-paused");
            var other = Api.uniqueDomain("fuzz-play");
            var addresses = new ArrayList<String>();
            for (int i = 0; i < 6; i++) {
                addresses.add("user" + i + "@" + paused);
                api.hardBounce("user" + i + "@" + paused);
            }
            for (int i = 0; i < 4; i++) {
                addresses.add("Play." + i + "@" + other.toUpperCase(Locale.ROOT));
                if (random.nextBoolean()) {
                    api.hardBounce("play." + i + "@" + other);
                }
            }
            var manual = Api.body(api.suppressManually("manual@" + other, "fuzz set-up"));
            addresses.add(manual.path("address").asString());
            var cursors = new ArrayList<String>();
            var page = Api.body(mvc.get().uri("/suppressions?limit=1&domain={d}", paused).exchange());
            cursors.add(page.path("nextCursor").asString("AA"));
            var rejected = Api.body(mvc.get().uri("/bounces/rejected?limit=1").exchange());
            cursors.add(rejected.path("nextCursor").asString("1"));
            return new Playground(addresses, List.of(paused, other, other.toUpperCase(Locale.ROOT)), cursors);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Random inputs
    // ---------------------------------------------------------------------------------------------

    private static final class Inputs {

        private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json;charset=UTF-8",
                "application/json; charset=ISO-8859-1", "APPLICATION/JSON", "application/problem+json",
                "application/merge-patch+json", "application/vnd.api+json", "text/plain", "text/json",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz", "application/xml", "*/*",
                "application/*", "foo", "", ";", "application/json; charset=nope", "application/json; charset=UTF-16",
                "application/json;;", "application/json; q=0.1", "image/png");
        private static final List<String> ACCEPTS = List.of("application/json", "application/problem+json", "*/*",
                "text/html", "application/xml", "text/plain", "garbage", "application/json;q=0", "application/*",
                "text/html, application/xhtml+xml;q=0.9", "application/yaml");
        private static final List<String> SPECIALS = List.of("null", "undefined", "true", "0", "-1", "NaN",
                "' OR 1=1 --", "'; drop table suppression; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
                "%s%n%x", "../../etc/passwd", "..", ".", "~", "%", "%00", "%25", "\u0000", "\ud800", "\udfff",
                "\ud83d\ude00", "\u202e", "\ufeff", "\u0085", "\r\n", "a;b", "a?b", "a#b", "a/b", "a\\b", " ", "");

        private static final List<String> PROVIDERS = List.of("sendgrid", "mailgun", "postmark", "ses", "sparkpost",
                "resend");
        /** The documented payloads under src/test/resources/webhooks/{provider}/, as text with placeholders. */
        private static final Map<String, List<String>> FIXTURES = fixtures();

        private static Map<String, List<String>> fixtures() {
            var fixtures = new LinkedHashMap<String, List<String>>();
            try {
                for (var provider : PROVIDERS) {
                    var texts = new ArrayList<String>();
                    for (var resource : new PathMatchingResourcePatternResolver()
                            .getResources("classpath:webhooks/" + provider + "/*.json")) {
                        texts.add(resource.getContentAsString(StandardCharsets.UTF_8));
                    }
                    fixtures.put(provider, texts);
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return fixtures;
        }

        private final Random random;
        private final Playground playground;
        private final String domain = Api.uniqueDomain("fuzz-any");
        private int counter;

        Inputs(Random random, Playground playground) {
            this.random = random;
            this.playground = playground;
        }

        FuzzRequest request(Operation operation) {
            var method = chance(30) ? pick(List.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE,
                    HttpMethod.PATCH)) : operation.method();
            var path = operation.template();
            var values = new LinkedHashMap<String, String>();
            var headers = new LinkedHashMap<String, String>();
            for (var p : operation.parameters()) {
                if (p.in().equals("path")) {
                    var value = pathValue(p.name());
                    values.put(p.name(), value);
                    path = path.replace("{" + p.name() + "}", UriUtils.encodePathSegment(value, StandardCharsets.UTF_8));
                } else if (p.in().equals("header") && chance(2)) {
                    headers.put(p.name(), headerValue());
                }
            }
            var query = new ArrayList<String>();
            for (var p : operation.parameters()) {
                if (p.in().equals("query") && (chance(p.required() ? 1.1 : 1.6))) {
                    query.add(UriUtils.encodeQueryParam(p.name(), StandardCharsets.UTF_8) + "="
                            + UriUtils.encodeQueryParam(queryValue(p), StandardCharsets.UTF_8));
                    if (chance(25)) {
                        query.add(p.name() + "=" + UriUtils.encodeQueryParam(queryValue(p), StandardCharsets.UTF_8));
                    }
                }
            }
            if (chance(12)) {
                query.add(UriUtils.encodeQueryParam(text(10), StandardCharsets.UTF_8) + "="
                        + UriUtils.encodeQueryParam(text(30), StandardCharsets.UTF_8));
            }
            var mutated = chance(12);
            var raw = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
            var uri = URI.create(raw);
            if (mutated) {
                try {
                    uri = new URI(mutatePath(path) + (query.isEmpty() ? "" : "?" + String.join("&", query)));
                } catch (URISyntaxException e) {
                    mutated = false;
                }
            }
            byte[] body = null;
            var signed = false;
            String signedFor = null;
            if (operation.takesBody() || chance(15)) {
                var contentType = operation.takesBody() && chance(1.25) ? pick(operation.bodyTypes()) : pick(CONTENT_TYPES);
                headers.put("Content-Type", contentType);
                if (operation.template().equals("/webhooks/{provider}") && chance(1.3)) {
                    body = webhook(values.getOrDefault("provider", ""), headers);
                    signed = true;
                    signedFor = PROVIDERS.contains(values.get("provider")) && method == HttpMethod.POST && !mutated
                            ? values.get("provider") : null;
                } else {
                    body = body(operation, contentType);
                }
            }
            if (chance(8)) {
                headers.put("Accept", pick(ACCEPTS));
            }
            if (chance(10) && !headers.containsKey("X-Actor")) {
                headers.put("X-Actor", headerValue());
            }
            var withoutKey = false;
            if (chance(25) && !signed) {
                withoutKey = true;
            } else if (chance(20) && !signed) {
                headers.put("Authorization", pick(List.of("Bearer", "Bearer ", "Bearer sk_live_" + text(33),
                        "Basic YWxhZGRpbjpvcGVuc2VzYW1l", "bearer " + "x".repeat(10_000), "Token abc", "Bearer \t",
                        "Bearer sk_test_IntegrationAdminKey0123456789abcdefXYZ.", "Bearer " + text(40))));
            }
            var normalAccept = !headers.containsKey("Accept")
                    || List.of("*/*", "application/json").contains(headers.get("Accept"));
            var checksContract = operation.inContract() && !mutated && method == operation.method() && normalAccept
                    && !withoutKey && (signed || !headers.containsKey("Authorization"));
            return new FuzzRequest(method, operation.template(), uri, headers, body, mutated, withoutKey, checksContract,
                    signedFor);
        }

        // --- path, query and header values -------------------------------------------------------

        String pathValue(String name) {
            return switch (name) {
                case "address" -> address();
                case "domain" -> domainName();
                case "id" -> chance(2) ? uuid().toString() : pick(List.of("xyz", "0", "-1", "", " ",
                        "00000000-0000-0000-0000-000000000000", uuid() + "x", text(40)));
                case "provider" -> chance(1.2) ? pick(PROVIDERS) : pick(List.of("SendGrid", "unknown", "", "..",
                        "mailgun ", text(15)));
                default -> text(30);
            };
        }

        String address() {
            return switch (random.nextInt(12)) {
                case 0, 1, 2 -> pick(playground.addresses());
                case 3 -> "u" + (counter++) + "@" + domain;
                case 4 -> flipCase(pick(playground.addresses()));
                case 5 -> " " + pick(playground.addresses()) + "\t";
                case 6 -> "user@" + pick(List.of("bücher.de", "пример.рф", "例え.jp", "xn--bcher-kva.de", "xn--zz.de",
                        "[127.0.0.1]", "localhost", "a..b", "-a.com", "a.123"));
                case 7 -> pick(List.of("\"john doe\"@example.org", "\"\\\"\"@example.org", "a%b@example.org",
                        "a/b@example.org", "a+b@example.org", "a;b@example.org", "@example.org", "a@", "a@@b.com",
                        "a".repeat(65) + "@example.org", "a@" + "b".repeat(64) + ".com", "a@" + "b.".repeat(130) + "com",
                        "\"\ud800\"@example.org", "a\u0000b@example.org"));
                case 8 -> text(20) + "@" + domain;
                case 9 -> pick(SPECIALS);
                case 10 -> "x".repeat(random.nextInt(3000));
                default -> text(60);
            };
        }

        String domainName() {
            return switch (random.nextInt(8)) {
                case 0, 1, 2 -> pick(playground.domains());
                case 3 -> domain;
                case 4 -> pick(List.of("bücher.de", "EXAMPLE.ORG", "example.org.", ".example.org", "xn--", "a",
                        "[192.0.2.1]", "gmail.com", "a".repeat(64) + ".com", "b.".repeat(130) + "com"));
                case 5 -> pick(SPECIALS);
                default -> text(40);
            };
        }

        String queryValue(Parameter p) {
            return switch (p.type()) {
                case "integer" -> pick(List.of("1", "10", "100", "1000", "1001", "0", "-1", "2147483648",
                        "99999999999999999999", "1e3", "1.5", " 5", "abc", "", "0x10", String.valueOf(random.nextInt())));
                case "boolean" -> pick(List.of("true", "false", "TRUE", "yes", "1", "0", "", "maybe", text(5)));
                default -> switch (p.name()) {
                    case "cursor" -> chance(4) && !playground.cursors().isEmpty() ? pick(playground.cursors()) : pick(List.of("", "AA", "AAAA", "!!", "=", "%", "YWJj", "not-a-cursor", "-1", "0",
                            "9223372036854775808", Base64.getUrlEncoder().encodeToString(bytes(12)),
                            Base64.getUrlEncoder().encodeToString(pick(playground.addresses()).getBytes(StandardCharsets.UTF_8)),
                            text(30)));
                    case "domain" -> domainName();
                    default -> chance(2) ? text(40) : pick(SPECIALS);
                };
            };
        }

        String headerValue() {
            return switch (random.nextInt(8)) {
                case 0 -> "alice";
                case 1 -> "é".repeat(random.nextInt(400));
                case 2 -> "x".repeat(10_000);
                case 3 -> "alice\u0007\u001b[31m";
                case 4 -> "Łukasz Żółć";
                case 5 -> pick(SPECIALS);
                case 6 -> "";
                default -> text(50);
            };
        }

        String mutatePath(String path) {
            return switch (random.nextInt(12)) {
                case 0 -> path + "/";
                case 1 -> path + "/" + UriUtils.encodePathSegment(text(10), StandardCharsets.UTF_8);
                case 2 -> "/" + path;
                case 3 -> path.replaceFirst("/", "//");
                case 4 -> path + "%2F..%2F";
                case 5 -> path + ";jsessionid=" + random.nextInt(1000);
                case 6 -> path + "/../" + pick(List.of("api-keys", "actuator/env", "suppressions"));
                case 7 -> path.toUpperCase(Locale.ROOT);
                case 8 -> path + "%00";
                case 9 -> path + "/" + "a".repeat(random.nextInt(20_000));
                case 10 -> path.replace("/", "%2F");
                default -> path.substring(0, random.nextInt(path.length()) + 1);
            };
        }

        // --- bodies ------------------------------------------------------------------------------

        byte[] body(Operation operation, String contentType) {
            if (chance(10)) {
                return rawBody();
            }
            if (operation.template().equals("/suppressions/import")) {
                return importBody(contentType).getBytes(StandardCharsets.UTF_8);
            }
            String json;
            if (operation.template().equals("/suppressions/check")) {
                var addresses = NODES.arrayNode();
                int n = random.nextInt(50) == 0 ? 10_001 : random.nextInt(30);
                for (int i = 0; i < n; i++) {
                    addresses.add(n > 1000 ? "a" + i + "@" + domain : address());
                }
                var check = NODES.objectNode();
                check.set("addresses", addresses);
                json = (chance(3) ? mutated(check, List.of("addresses")) : check).toString();
            } else if (operation.template().equals("/webhooks/{provider}")) {
                json = json(3).toString();
            } else if (operation.template().equals("/bounces")) {
                json = switch (random.nextInt(8)) {
                    case 0 -> validEventJson("u" + (counter++) + "@" + domain, "any-" + uuid()).toString();
                    case 1, 2 -> mutated(validEventJson(address(), "any-" + uuid())).toString();
                    case 3 -> json(3).toString();
                    case 4 -> {
                        var array = NODES.arrayNode();
                        int n = random.nextInt(random.nextInt(20) == 0 ? 1_100 : 15);
                        for (int i = 0; i < n; i++) {
                            array.add(chance(2) ? mutated(validEventJson("u" + (counter++) + "@" + domain,
                                    "any-" + uuid())) : json(2));
                        }
                        yield array.toString();
                    }
                    case 5 -> "[]";
                    default -> {
                        var array = NODES.arrayNode();
                        for (int i = 0; i < 1 + random.nextInt(5); i++) {
                            array.add(mutated(validEventJson(address(), "any-" + uuid())));
                        }
                        yield array.toString();
                    }
                };
            } else if (operation.template().equals("/api-keys")) {
                var key = NODES.objectNode();
                key.put("name", "fuzz " + text(10));
                key.set("roles", NODES.arrayNode().add(pick(List.of("check", "ingest", "ops", "admin", "CHECK", " ops "))));
                if (chance(3)) {
                    key.put("expiresAt", pick(List.of("2099-01-01T00:00:00Z", "2000-01-01T00:00:00Z",
                            "+999999999-12-31T23:59:59Z", "2099-01-01", "tomorrow", "2099-01-01T00:00:00")));
                }
                if (chance(3)) {
                    key.put("environment", pick(List.of("live", "test", "TEST", "prod", "")));
                }
                json = mutated(key, List.of("name", "roles", "expiresAt", "environment")).toString();
            } else {
                var reason = NODES.objectNode();
                reason.put("reason", chance(2) ? "fuzz: " + text(30) : pick(SPECIALS));
                if (chance(20)) {
                    reason.put("reason", "r".repeat(2_000 + random.nextInt(2)));
                }
                json = mutated(reason, List.of("reason")).toString();
            }
            if (chance(15)) {
                json = mutateText(json);
            }
            return json.getBytes(StandardCharsets.UTF_8);
        }

        byte[] rawBody() {
            return switch (random.nextInt(14)) {
                case 0 -> new byte[0];
                case 1 -> bytes(random.nextInt(200));
                case 2 -> "{".getBytes(StandardCharsets.UTF_8);
                case 3 -> "[1,".getBytes(StandardCharsets.UTF_8);
                case 4 -> "nul".getBytes(StandardCharsets.UTF_8);
                case 5 -> "<bounce><recipient>a@b.com</recipient></bounce>".getBytes(StandardCharsets.UTF_8);
                case 6 -> "recipient=a%40b.com&smtpCode=550".getBytes(StandardCharsets.UTF_8);
                case 7 -> ("\ufeff{\"recipient\":\"a@example.org\",\"smtpCode\":550}").getBytes(StandardCharsets.UTF_8);
                case 8 -> "{\"recipient\":\"a@example.org\",/* c */\"smtpCode\":550,}".getBytes(StandardCharsets.UTF_8);
                case 9 -> ("[".repeat(1 + random.nextInt(5_000)) + "]".repeat(random.nextInt(5_000)))
                        .getBytes(StandardCharsets.UTF_8);
                case 10 -> ("{\"smtpCode\":" + "9".repeat(500 + random.nextInt(2_000)) + "}").getBytes(StandardCharsets.UTF_8);
                case 11 -> "{\"recipient\":\"a@example.org\",\"recipient\":5,\"smtpCode\":NaN}".getBytes(StandardCharsets.UTF_8);
                case 12 -> "{\"recipient\":\"a@example.org\",\"smtpCode\":550}".getBytes(StandardCharsets.UTF_16);
                default -> ("{\"diagnostic\":\"" + "\\ud800".repeat(50) + "\",\"recipient\":\"\\u0000\"}")
                        .getBytes(StandardCharsets.UTF_8);
            };
        }

        // --- imports and webhooks ------------------------------------------------------------------

        /** Import rows ({@code address,reason[,since[,classification]]}) as CSV or NDJSON, some of them broken. */
        String importBody(String contentType) {
            var lines = new ArrayList<String>();
            var ndjson = contentType.contains("ndjson") || (!contentType.contains("csv") && chance(2));
            if (!ndjson && chance(2)) {
                lines.add("address,reason,since,classification");
            }
            for (int i = random.nextInt(20); i >= 0; i--) {
                var address = chance(2) ? "imp" + (counter++) + "@" + domain : address();
                var reason = pick(List.of("HARD_BOUNCE", "MANUAL", "COMPLAINT", "", "manual", "SPAM", text(8)));
                var since = pick(List.of("", "2026-01-15T08:00:00Z", "2026-01-15", "-999999-01-01T00:00:00Z",
                        "+999999999-12-31T23:59:59Z", "yesterday", text(10)));
                var classification = pick(List.of("", "USER_UNKNOWN", "BAD_DOMAIN", "POLICY", "NOPE", text(6)));
                if (ndjson) {
                    var row = NODES.objectNode();
                    row.put("address", address);
                    row.put("reason", reason);
                    row.put("since", since);
                    row.put("classification", classification);
                    lines.add((chance(4) ? mutated(row, List.of("address", "reason", "since", "classification")) : row)
                            .toString());
                } else {
                    lines.add(String.join(pick(List.of(",", ",", ",", ";", "\t")), csv(address), reason, since,
                            classification));
                }
            }
            if (chance(10)) {
                lines.add(text(60));
            }
            var text = String.join(pick(List.of("\n", "\r\n", "\n\n")), lines);
            return chance(15) ? mutateText(text) : text;
        }

        private String csv(String value) {
            return value.contains(",") || value.contains("\"") || chance(10)
                    ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
        }

        /**
         * A provider's own payload, from its documented fixtures with addresses and values filled in at random and
         * fields mutated, signed or authenticated the way the provider does, so the payload parser is reached.
         */
        byte[] webhook(String provider, Map<String, String> headers) {
            var fixtures = FIXTURES.getOrDefault(provider, List.of());
            if (fixtures.isEmpty()) {
                return json(3).toString().getBytes(StandardCharsets.UTF_8);
            }
            var filled = fill(pick(fixtures));
            String payload;
            try {
                var tree = JSON.readTree(filled);
                mutateDeep(tree, provider.equals("mailgun") ? "signature" : null);
                payload = tree.toString();
            } catch (JacksonException e) {
                payload = filled;
            }
            var now = String.valueOf(Instant.now().getEpochSecond());
            switch (provider) {
                case "postmark" -> headers.put("Authorization", basic(TestProviderKeys.POSTMARK_USERNAME,
                        TestProviderKeys.POSTMARK_PASSWORD));
                case "sparkpost" -> headers.put("Authorization", basic(TestProviderKeys.SPARKPOST_USERNAME,
                        TestProviderKeys.SPARKPOST_PASSWORD));
                case "sendgrid" -> {
                    headers.put("X-Twilio-Email-Event-Webhook-Timestamp", now);
                    headers.put("X-Twilio-Email-Event-Webhook-Signature", sendGridSignature(now, payload));
                }
                case "resend" -> {
                    var id = "msg_" + uuid().toString().replace("-", "");
                    headers.put("svix-id", id);
                    headers.put("svix-timestamp", now);
                    headers.put("svix-signature", "v1," + Base64.getEncoder().encodeToString(hmac(
                            Base64.getDecoder().decode(TestProviderKeys.RESEND_SIGNING_SECRET.substring("whsec_".length())),
                            id + "." + now + "." + payload)));
                }
                default -> { }
            }
            if (chance(20)) {
                payload = mutateText(payload);
            }
            return payload.getBytes(StandardCharsets.UTF_8);
        }

        /** Fills a fixture's {{placeholders}}; Mailgun's signature block is signed with the test key. */
        private String fill(String fixture) {
            var token = HexFormat.of().formatHex(bytes(25));
            var timestamp = String.valueOf(Instant.now().getEpochSecond());
            var values = Map.of("token", token, "timestamp", timestamp,
                    "signature", HexFormat.of().formatHex(hmac(TestProviderKeys.MAILGUN_SIGNING_KEY
                            .getBytes(StandardCharsets.UTF_8), timestamp + token)),
                    "eventTimestamp", timestamp + ".123456", "ts", timestamp, "at", Instant.now().toString(),
                    "createdAt", Instant.now().toString());
            var m = Pattern.compile("\\{\\{(\\w+)}}").matcher(fixture);
            var out = new StringBuilder();
            while (m.find()) {
                var key = m.group(1);
                String value;
                if (values.containsKey(key)) {
                    value = values.get(key);
                } else if (key.toLowerCase(Locale.ROOT).contains("domain")) {
                    value = chance(3) ? domainName() : domain;
                } else if (key.equals("id") || key.endsWith("Id") || key.equals("typeCode") || key.equals("code")
                        || key.equals("class")) {
                    value = String.valueOf(1 + random.nextInt(Integer.MAX_VALUE));
                } else if (List.of("type", "name", "reason", "message", "description", "details", "mxHost")
                        .contains(key)) {
                    value = chance(2) ? "x" + random.nextInt(100) : text(20);
                } else {
                    value = chance(4) ? address() : "wh" + (counter++) + "@" + domain;
                }
                m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(jsonEscaped(value)));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** Replaces or removes a few fields anywhere in the tree, except under {@code keep}. */
        private void mutateDeep(JsonNode tree, @Nullable String keep) {
            var objects = new ArrayList<ObjectNode>();
            collectObjects(tree, keep, objects);
            for (int i = random.nextInt(4); i > 0 && !objects.isEmpty(); i--) {
                var object = pick(objects);
                var names = new ArrayList<>(object.propertyNames());
                var field = names.isEmpty() || chance(8) ? text(8) : pick(names);
                switch (random.nextInt(5)) {
                    case 0 -> object.remove(field);
                    case 1 -> object.set(field, json(1));
                    case 2 -> object.set(field, timestampLike());
                    default -> object.set(field, leaf());
                }
            }
        }

        private static void collectObjects(JsonNode node, @Nullable String keep, List<ObjectNode> into) {
            if (node instanceof ObjectNode object) {
                into.add(object);
            }
            for (var entry : node.properties()) {
                if (!entry.getKey().equals(keep)) {
                    collectObjects(entry.getValue(), keep, into);
                }
            }
            if (node.isArray()) {
                node.forEach(child -> collectObjects(child, keep, into));
            }
        }

        private static String jsonEscaped(String value) {
            var quoted = JSON.writeValueAsString(value);
            return quoted.substring(1, quoted.length() - 1);
        }

        private static String basic(String user, String password) {
            return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        private static byte[] hmac(byte[] key, String content) {
            try {
                var mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(key, "HmacSHA256"));
                return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        private static String sendGridSignature(String timestamp, String payload) {
            try {
                var key = KeyFactory.getInstance("EC").generatePrivate(
                        new PKCS8EncodedKeySpec(Base64.getDecoder().decode(TestProviderKeys.SENDGRID_PRIVATE_KEY)));
                var signer = Signature.getInstance("SHA256withECDSA");
                signer.initSign(key);
                signer.update((timestamp + payload).getBytes(StandardCharsets.UTF_8));
                return Base64.getEncoder().encodeToString(signer.sign());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        // --- batch elements ----------------------------------------------------------------------

        Element validElement(String label, String domainName) {
            var local = label + "." + Integer.toHexString(random.nextInt());
            var recipient = switch (random.nextInt(4)) {
                case 0 -> local.toUpperCase(Locale.ROOT) + "@" + domainName.toUpperCase(Locale.ROOT);
                case 1 -> "  " + local + "@" + domainName + "\n";
                default -> local + "@" + domainName;
            };
            var eventId = "fz-" + SEED + "-" + label;
            var event = NODES.objectNode();
            event.put("recipient", recipient);
            var kind = random.nextInt(5);
            var classification = switch (kind) {
                case 0, 1 -> {
                    event.put("smtpCode", 550);
                    event.put("enhancedCode", "5.1.1");
                    event.put("diagnostic", "550 5.1.1 <" + recipient.strip() + ">: Recipient address rejected: User unknown");
                    yield "USER_UNKNOWN";
                }
                case 2 -> {
                    event.put("diagnostic", "smtp; 550 5.1.1 The email account that you tried to reach does not exist");
                    yield "USER_UNKNOWN";
                }
                case 3 -> {
                    event.put("smtpCode", "452");
                    event.put("enhancedCode", " 4.2.2 ");
                    yield "MAILBOX_FULL";
                }
                default -> {
                    event.put("smtpCode", 554);
                    event.put("enhancedCode", "5.7.1");
                    event.put("diagnostic", "554 5.7.1 Service unavailable; client host blocked using zen.spamhaus.org");
                    yield "POLICY";
                }
            };
            event.put("eventId", eventId);
            if (chance(2)) {
                event.put("occurredAt", rfc3339(Instant.now().minusSeconds(random.nextInt(80_000))));
            }
            if (chance(2)) {
                event.put("messageId", "<" + uuid() + "@sender.example>");
            }
            if (chance(2)) {
                event.put("reportingMta", "mx" + random.nextInt(9) + ".recipient.example");
            }
            if (chance(2)) {
                event.put("source", pick(List.of("fuzz", "ses", "sendgrid")));
            }
            var origin = chance(5) ? "sender" : "recipient";
            if (chance(2) || origin.equals("sender")) {
                event.put("origin", origin);
            }
            if (chance(8)) {
                event.put("unknownField", text(10));
            }
            var normalized = EmailAddress.parse(recipient).value();
            var suppresses = classification.equals("USER_UNKNOWN") && origin.equals("recipient");
            return new Element(event.toString(), new ValidEvent(normalized, eventId, classification, suppresses),
                    false, null);
        }

        Element garbageElement(String label) {
            return switch (random.nextInt(6)) {
                case 0 -> new Element(leaf().toString(), null, true, null);
                case 1 -> {
                    var array = NODES.arrayNode();
                    array.add(validEventJson("in-array@example.org", "g-" + SEED + "-" + label));
                    yield new Element(array.toString(), null, true, null);
                }
                case 2 -> new Element(json(2).toString(), null, false, null);
                default -> new Element(mutated(validEventJson("g." + label + "@" + domain, "g-" + SEED + "-" + label))
                        .toString(), null, false, null);
            };
        }

        // --- JSON ---------------------------------------------------------------------------------

        ObjectNode validEventJson(String recipient, String eventId) {
            var event = NODES.objectNode();
            event.put("recipient", recipient);
            event.put("smtpCode", 550);
            event.put("enhancedCode", "5.1.1");
            event.put("diagnostic", "550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown");
            event.put("occurredAt", rfc3339(Instant.now().minusSeconds(60)));
            event.put("eventId", eventId);
            event.put("messageId", "<m@sender.example>");
            event.put("reportingMta", "mx.recipient.example");
            event.put("source", "fuzz");
            event.put("origin", "recipient");
            return event;
        }

        JsonNode mutated(ObjectNode event) {
            return mutated(event, EVENT_FIELDS);
        }

        JsonNode mutated(ObjectNode object, List<String> fields) {
            var copy = object.deepCopy();
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                var field = chance(10) ? text(8) : pick(fields);
                switch (random.nextInt(6)) {
                    case 0 -> copy.remove(field);
                    case 1 -> copy.set(field, json(2));
                    case 2 -> copy.set(field, timestampLike());
                    default -> copy.set(field, leaf());
                }
            }
            return copy;
        }

        JsonNode json(int depth) {
            int kind = random.nextInt(depth <= 0 ? 4 : 7);
            return switch (kind) {
                case 4 -> {
                    var array = NODES.arrayNode();
                    for (int i = random.nextInt(5); i > 0; i--) {
                        array.add(json(depth - 1));
                    }
                    yield array;
                }
                case 5, 6 -> {
                    var object = NODES.objectNode();
                    for (int i = random.nextInt(6); i > 0; i--) {
                        object.set(chance(2) ? pick(EVENT_FIELDS) : text(8), json(depth - 1));
                    }
                    yield object;
                }
                default -> leaf();
            };
        }

        JsonNode leaf() {
            return switch (random.nextInt(12)) {
                case 0 -> NODES.nullNode();
                case 1 -> NODES.booleanNode(random.nextBoolean());
                case 2 -> NODES.numberNode(random.nextInt());
                case 3 -> NODES.numberNode(pick(List.of(0, -1, 250, 299, 300, 421, 452, 550, 553, 599, 600, 999)));
                case 4 -> NODES.numberNode(pick(List.of(550.0, 550.5, -0.0, 1e308, 5.11)));
                case 5 -> NODES.numberNode(new java.math.BigInteger("9".repeat(1 + random.nextInt(400))));
                case 6 -> NODES.numberNode(random.nextLong());
                case 7 -> NODES.stringNode(pick(SPECIALS));
                case 8 -> NODES.stringNode("y".repeat(pick(List.of(99, 100, 101, 255, 256, 998, 999, 10_000, 10_001, 20_000))));
                default -> NODES.stringNode(text(40));
            };
        }

        JsonNode timestampLike() {
            return NODES.stringNode(pick(List.of("2026-11-23T10:15:00Z", "2026-11-23T10:15:00", "2026-11-23",
                    "2026-11-23 10:15:00+01:00", "2026-11-23t10:15:00z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
                    "-0001-01-01T00:00:00Z", "-4713-01-01T00:00:00Z", "-999999-01-01T00:00:00Z",
                    "-999999999-01-01T00:00:00+18:00", "+294277-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                    "2026-02-30T10:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T23:59:60Z", "2026-11-23T10:15:00+25:00",
                    "2026-11-23T10:15:00.1234567891Z", "yesterday", "", " ", "1700000000")));
        }

        String mutateText(String s) {
            if (s.isEmpty()) {
                return "{";
            }
            int at = random.nextInt(s.length());
            return switch (random.nextInt(5)) {
                case 0 -> s.substring(0, at);
                case 1 -> s.substring(0, at) + s.substring(at + 1);
                case 2 -> s.substring(0, at) + pick(List.of("\"", "{", "}", "[", "]", ",", ":", "\\", "\u0000", "\ud800"))
                        + s.substring(at);
                case 3 -> s + s;
                default -> "[" + s + "," + s + "]";
            };
        }

        // --- primitives ---------------------------------------------------------------------------

        /**
         * Random text: mostly printable (ASCII, separators, other scripts, emoji), one time in eight from all of
         * UTF-16 with controls and unpaired surrogates.
         */
        String text(int maxLength) {
            var length = random.nextInt(maxLength + 1);
            var anything = chance(8);
            var out = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                switch (random.nextInt(anything ? 7 : 5)) {
                    case 0 -> out.append((char) (0x20 + random.nextInt(0x5F)));
                    case 1 -> out.append("@./%;?#\\\"' <>{}[]-_+=&:".charAt(random.nextInt(23)));
                    case 2 -> out.appendCodePoint(pick(List.of(0xE9, 0xFC, 0x3A3, 0x436, 0x4E2D, 0x0E01, 0x5D0, 0x1F600,
                            0x2603, 0x3002, 0xFF20)));
                    case 5 -> out.append((char) random.nextInt(0x10000));
                    case 6 -> out.append((char) random.nextInt(0x20));
                    default -> out.append((char) ('a' + random.nextInt(26)));
                }
            }
            return out.toString();
        }

        UUID uuid() {
            return new UUID(random.nextLong(), random.nextLong());
        }

        byte[] bytes(int n) {
            var b = new byte[n];
            random.nextBytes(b);
            return b;
        }

        String flipCase(String s) {
            var out = new StringBuilder();
            s.codePoints().forEach(c -> out.appendCodePoint(random.nextBoolean() ? Character.toUpperCase(c) : c));
            return out.toString();
        }

        String rfc3339(Instant at) {
            var offset = ZoneOffset.ofHoursMinutes(random.nextInt(25) - 12, 0);
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atOffset(offset));
        }

        /** True with probability 1/n. */
        boolean chance(double n) {
            return random.nextDouble() * n < 1;
        }

        <T> T pick(List<T> items) {
            return items.get(random.nextInt(items.size()));
        }
    }
}
