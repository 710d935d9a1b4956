package dev.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.IntegrationTest;
import dev.suppression.support.OpenApiContract;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of {@code openapi.yaml}, called on the real service: each main answer and each documented
 * error must be one the contract declares, with the declared content type and a body matching its schema.
 */
@IntegrationTest
class OpenApiContractTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    @Nested
    class TheContract {

        @Autowired
        @Qualifier("requestMappingHandlerMapping")
        RequestMappingHandlerMapping handlerMappings;

        @Test
        void documentsExactlyTheEndpointsTheControllersServe() {
            Set<String> served = new TreeSet<>();
            handlerMappings.getHandlerMethods().forEach((mapping, handler) -> {
                if (handler.getBeanType().getPackageName().startsWith("dev.suppression")) {
                    for (var path : mapping.getPatternValues()) {
                        if (path.startsWith("/console")) {
                            continue; // the console's HTML pages are not part of the JSON API
                        }
                        for (var method : mapping.getMethodsCondition().getMethods()) {
                            served.add(method.name() + " " + path);
                        }
                    }
                }
            });
            var documented = OpenApiContract.service().operations().stream()
                    .filter(operation -> !operation.contains(" /actuator/"))
                    .collect(Collectors.toCollection(TreeSet::new));

            assertThat(documented).isEqualTo(served);
        }

        @Test
        void isServedAsOpenapiYaml() {
            var result = mvc.get().uri("/openapi.yaml").exchange();

            assertThat(result).hasStatusOk();
            assertThat(result.getResponse().getContentAsByteArray())
                    .asString(StandardCharsets.UTF_8).isEqualTo(OpenApiContract.readServiceSpec())
                    .startsWith("openapi: 3.1.0");
            OpenApiContract.assertMatches("GET", "/openapi.yaml", result);
        }
    }

    @Nested
    class PostBounces {

        @Test
        void aSingleHardBounceIsAcceptedAndClassified() {
            var address = "jane@" + uniqueDomain();

            var body = expect(200, "POST", "/bounces", postBounces(userUnknown(address, "evt-" + UUID.randomUUID())));

            assertThat(body.get("accepted").asInt()).isEqualTo(1);
            assertThat(body.at("/results/0/status").asString()).isEqualTo("accepted");
            assertThat(body.at("/results/0/classification").asString()).isEqualTo("USER_UNKNOWN");
            assertThat(body.at("/results/0/detail").isNull()).isTrue();
        }

        @Test
        void aBatchReportsEachEventAcceptedDuplicateOrRejected() {
            var domain = uniqueDomain();
            var eventId = "evt-" + UUID.randomUUID();
            postBounces(userUnknown("first@" + domain, eventId));
            var batch = "[" + userUnknown("first@" + domain, eventId) + ","
                    + policyBlock("second@" + domain) + ","
                    + "{\"recipient\": \"not-an-address\", \"smtpCode\": 550},"
                    + "{\"recipient\": \"third@" + domain + "\", \"origin\": \"sender\", \"enhancedCode\": \"5.1.1\"}]";

            var body = expect(200, "POST", "/bounces", postBounces(batch));

            assertThat(body.at("/results").valueStream().map(r -> r.get("status").asString()))
                    .containsExactly("duplicate", "accepted", "rejected", "accepted");
            assertThat(body.at("/results/1/classification").asString()).isEqualTo("POLICY");
            assertThat(body.at("/results/2/classification").isNull()).isTrue();
            assertThat(body.at("/results/2/detail").asString()).contains("'recipient' is invalid");
        }

        @Test
        void theRequestExamplesOfTheContractAreAccepted() {
            var single = OpenApiContract.service().requestExample("POST", "/bounces", "single");
            var batch = OpenApiContract.service().requestExample("POST", "/bounces", "batch");

            var singleResult = expect(200, "POST", "/bounces", postBounces(withFreshDomainsAndEventIds(single)));
            var batchResult = expect(200, "POST", "/bounces", postBounces(withFreshDomainsAndEventIds(batch)));

            assertThat(singleResult.at("/results/0/classification").asString()).isEqualTo("USER_UNKNOWN");
            assertThat(batchResult.at("/results").valueStream().map(r -> r.get("status").asString()))
                    .containsExactly("accepted", "accepted", "accepted");
            assertThat(batchResult.at("/results").valueStream().map(r -> r.get("classification").asString()))
                    .containsExactly("USER_UNKNOWN", "POLICY", "USER_UNKNOWN");
        }

        /** The examples name real-looking domains and fixed event ids; the shared database must not see them twice. */
        private static String withFreshDomainsAndEventIds(String json) {
            var run = UUID.randomUUID().toString().substring(0, 8);
            return json.replaceAll("@(example\\.(?:org|net|com))", "@" + run + ".$1")
                    .replaceAll("\"eventId\":\"([^\"]+)\"", "\"eventId\":\"$1-" + run + "\"");
        }

        @Test
        void aBatchOfMoreThan1000EventsIs413() {
            var domain = uniqueDomain();
            var batch = IntStream.range(0, 1001).mapToObj(i -> userUnknown("u" + i + "@" + domain, null))
                    .collect(Collectors.joining(",", "[", "]"));

            var problem = expect(413, "POST", "/bounces", postBounces(batch));

            assertThat(problem.get("detail").asString()).contains("1000").contains("1001");
            assertThat(expect(200, "GET", "/domains/{domain}", mvc.get().uri("/domains/{domain}", domain).exchange())
                    .get("level").asString()).isEqualTo("NONE");
        }

        @Test
        void aBodyThatIsNotJsonIs400() {
            expect(400, "POST", "/bounces", postBounces("recipient=jane@example.org&code=550"));
        }

        @Test
        void aJsonValueThatIsNeitherAnEventNorAnArrayIs400() {
            var problem = expect(400, "POST", "/bounces", postBounces("\"550 5.1.1 user unknown\""));

            assertThat(problem.get("detail").asString()).contains("event object");
        }

        @Test
        void anEmptyBodyIs400() {
            expect(400, "POST", "/bounces", postBounces(""));
        }

        @Test
        void aBodyThatIsNotSentAsJsonIs415() {
            var result = mvc.post().uri("/bounces").contentType(MediaType.TEXT_PLAIN)
                    .content(userUnknown("jane@" + uniqueDomain(), null)).exchange();

            expect(415, "POST", "/bounces", result);
        }
    }

    @Nested
    class GetRejectedBounces {

        @Test
        void listsRefusedEventsWithTheirRawJsonAPageAtATime() {
            var marker = UUID.randomUUID().toString();
            postBounces("[{\"recipient\": \"a-" + marker + "\"}, {\"recipient\": \"b-" + marker + "\"}]");

            var first = expect(200, "GET", "/bounces/rejected",
                    mvc.get().uri("/bounces/rejected").param("limit", "1").exchange());
            var second = expect(200, "GET", "/bounces/rejected", mvc.get().uri("/bounces/rejected")
                    .param("limit", "1").param("cursor", first.get("nextCursor").asString()).exchange());

            assertThat(first.at("/items/0/raw").asString()).contains("b-" + marker);
            assertThat(second.at("/items/0/raw").asString()).contains("a-" + marker);
        }

        @Test
        void aLimitOutOfRangeIs400() {
            expect(400, "GET", "/bounces/rejected", mvc.get().uri("/bounces/rejected").param("limit", "0").exchange());
        }

        @Test
        void aCursorThatIsNotANumberIs400() {
            expect(400, "GET", "/bounces/rejected",
                    mvc.get().uri("/bounces/rejected").param("cursor", "abc").exchange());
        }
    }

    @Nested
    class CheckAnAddress {

        @Test
        void anUnknownAddressIsAllowed() {
            var domain = uniqueDomain();

            var body = check(" Someone@" + domain.toUpperCase(Locale.ROOT));

            assertThat(body.get("verdict").asString()).isEqualTo("ALLOW");
            assertThat(body.get("address").asString()).isEqualTo("someone@" + domain);
            assertThat(body.get("suppression").isNull()).isTrue();
        }

        @Test
        void aHardBouncedAddressIsSuppressedWithItsEvidence() {
            var address = "gone@" + uniqueDomain();
            hardBounce(address);

            var body = check(address);

            assertThat(body.get("verdict").asString()).isEqualTo("SUPPRESSED");
            assertThat(body.at("/suppression/reason").asString()).isEqualTo("HARD_BOUNCE");
            assertThat(body.at("/suppression/rejectingHost").asString()).isEqualTo("mx1.recipient.example");
            assertThat(body.at("/domain/level").asString()).isEqualTo("SINGLE_ADDRESS");
        }

        @Test
        void anAddressAtAPausedDomainIsDomainPaused() {
            var domain = pausedDomain();

            var body = check("fine@" + domain);

            assertThat(body.get("verdict").asString()).isEqualTo("DOMAIN_PAUSED");
            assertThat(body.at("/domain/paused").asBoolean()).isTrue();
            assertThat(body.at("/domain/pausedAt").isString()).isTrue();
        }

        @Test
        void aMalformedAddressIs400() {
            var problem = expect(400, "GET", "/suppressions/{address}",
                    mvc.get().uri("/suppressions/{address}", "no-at-sign.example").exchange());

            assertThat(problem.get("detail").asString()).contains("no '@'");
        }
    }

    @Nested
    class SuppressByHand {

        @Test
        void anAddressIsSuppressedManually() {
            var address = "asked@" + uniqueDomain();

            var body = expect(200, "PUT", "/suppressions/{address}", suppressManually(address, "{\"reason\": \"asked by phone\"}"));

            assertThat(body.get("verdict").asString()).isEqualTo("SUPPRESSED");
            assertThat(body.at("/suppression/reason").asString()).isEqualTo("MANUAL");
            assertThat(body.at("/suppression/classification").isNull()).isTrue();
        }

        @Test
        void aMissingReasonIs400() {
            expect(400, "PUT", "/suppressions/{address}", suppressManually("asked@" + uniqueDomain(), "{}"));
        }

        @Test
        void aMalformedAddressIs400() {
            expect(400, "PUT", "/suppressions/{address}", suppressManually("asked@@", "{\"reason\": \"x\"}"));
        }

        @Test
        void aReasonNotSentAsJsonIs415() {
            var result = mvc.put().uri("/suppressions/{address}", "asked@" + uniqueDomain())
                    .contentType(MediaType.TEXT_PLAIN).content("asked by phone").exchange();

            expect(415, "PUT", "/suppressions/{address}", result);
        }

        @Test
        void aBodyOverTheSizeLimitIs413() {
            var huge = "{\"reason\": \"" + "x".repeat(10 * 1024 * 1024) + "\"}";

            expect(413, "PUT", "/suppressions/{address}", suppressManually("asked@" + uniqueDomain(), huge));
        }
    }

    @Nested
    class ClearASuppression {

        @Test
        void aClearedAddressMayBeMailedOnProbation() {
            var address = "fixed@" + uniqueDomain();
            hardBounce(address);

            var body = expect(200, "DELETE", "/suppressions/{address}", clear(address, "mailbox recreated", false));

            assertThat(body.get("verdict").asString()).isEqualTo("ALLOW");
            assertThat(body.get("probation").asBoolean()).isTrue();
        }

        @Test
        void aClearWithoutAReasonIs400() {
            var address = "fixed@" + uniqueDomain();
            hardBounce(address);

            var problem = expect(400, "DELETE", "/suppressions/{address}",
                    mvc.delete().uri("/suppressions/{address}", address).exchange());

            assertThat(problem.get("detail").asString()).contains("reason");
        }

        @Test
        void aClearOfAnAddressThatIsNotSuppressedIs404() {
            expect(404, "DELETE", "/suppressions/{address}", clear("never@" + uniqueDomain(), "just in case", false));
        }

        @Test
        void aSecondClearAfterAHardBounceOnProbationNeedsForce() {
            var address = "cycle@" + uniqueDomain();
            hardBounce(address);
            clear(address, "mailbox recreated", false);
            hardBounce(address);

            var refused = expect(409, "DELETE", "/suppressions/{address}", clear(address, "try again", false));
            var forced = expect(200, "DELETE", "/suppressions/{address}", clear(address, "confirmed by admin", true));

            assertThat(refused.get("detail").asString()).contains("force=true");
            assertThat(forced.get("verdict").asString()).isEqualTo("ALLOW");
        }

        @Test
        void aMalformedAddressIs400() {
            expect(400, "DELETE", "/suppressions/{address}", clear("a b@example.org", "x", false));
        }
    }

    @Nested
    class ListSuppressions {

        @Test
        void activeSuppressionsOfADomainComeAPageAtATime() {
            var domain = uniqueDomain();
            hardBounce("a@" + domain);
            hardBounce("b@" + domain);

            var first = expect(200, "GET", "/suppressions",
                    mvc.get().uri("/suppressions").param("domain", domain).param("limit", "1").exchange());
            var second = expect(200, "GET", "/suppressions", mvc.get().uri("/suppressions").param("domain", domain)
                    .param("limit", "1").param("cursor", first.get("nextCursor").asString()).exchange());

            assertThat(first.at("/items/0/address").asString()).isEqualTo("a@" + domain);
            assertThat(second.at("/items/0/address").asString()).isEqualTo("b@" + domain);
            assertThat(second.get("nextCursor").isNull()).isTrue();
        }

        @Test
        void aLimitOutOfRangeIs400() {
            expect(400, "GET", "/suppressions", mvc.get().uri("/suppressions").param("limit", "1001").exchange());
        }

        @Test
        void aCursorThisServiceDidNotHandOutIs400() {
            expect(400, "GET", "/suppressions", mvc.get().uri("/suppressions").param("cursor", "*not base64*").exchange());
        }

        @Test
        void aMalformedDomainIs400() {
            expect(400, "GET", "/suppressions", mvc.get().uri("/suppressions").param("domain", "no_dots").exchange());
        }
    }

    @Nested
    class AddressHistory {

        @Test
        void showsEachBounceAndEveryStateChange() {
            var address = "story@" + uniqueDomain();
            hardBounce(address);
            clear(address, "mailbox recreated", false);
            hardBounce(address);
            clear(address, "confirmed by admin", true);
            postBounces("{\"recipient\": \"" + address + "\", \"diagnostic\": \"550 5.7.1 blocked by policy\"}");
            suppressManually(address, "{\"reason\": \"asked by phone\"}");

            var body = expect(200, "GET", "/suppressions/{address}/history",
                    mvc.get().uri("/suppressions/{address}/history", address).exchange());

            assertThat(body.get("entries").valueStream().map(e -> e.get("type").asString())).containsExactly(
                    "BOUNCE", "SUPPRESSED", "CLEARED", "BOUNCE", "RESUPPRESSED", "CLEARED_FORCED", "BOUNCE",
                    "MANUAL_SUPPRESSED");
            assertThat(body.at("/entries/2/actor").asString()).isEqualTo("bootstrap-admin (alice)");
            assertThat(body.at("/entries/7/actor").asString()).isEqualTo("bootstrap-admin (carol)");
            assertThat(body.at("/entries/0/rejectingHost").asString()).isEqualTo("mx1.recipient.example");
        }

        @Test
        void anAddressNeverSeenHasAnEmptyHistory() {
            var body = expect(200, "GET", "/suppressions/{address}/history",
                    mvc.get().uri("/suppressions/{address}/history", "quiet@" + uniqueDomain()).exchange());

            assertThat(body.get("entries").isEmpty()).isTrue();
        }

        @Test
        void aMalformedAddressIs400() {
            expect(400, "GET", "/suppressions/{address}/history",
                    mvc.get().uri("/suppressions/{address}/history", "@example.org").exchange());
        }
    }

    @Nested
    class Domains {

        @Test
        void aDomainNeverSeenIsLevelNone() {
            var body = domain(uniqueDomain());

            assertThat(body.get("level").asString()).isEqualTo("NONE");
            assertThat(body.get("addresses").isEmpty()).isTrue();
        }

        @Test
        void aPausedDomainShowsItsAddressesAndGuidance() {
            var domain = pausedDomain();

            var body = domain(domain);

            assertThat(body.get("level").asString()).isEqualTo("DOMAIN_PATTERN");
            assertThat(body.get("paused").asBoolean()).isTrue();
            assertThat(body.get("addresses").size()).isEqualTo(5);
            assertThat(body.get("guidance").asString()).contains("pause");
        }

        @Test
        void aMalformedDomainIs400() {
            expect(400, "GET", "/domains/{domain}", mvc.get().uri("/domains/{domain}", "localhost").exchange());
        }

        @Test
        void pausedDomainsAreListed() {
            var domain = pausedDomain();

            var body = expect(200, "GET", "/domains", mvc.get().uri("/domains").param("paused", "true").exchange());

            assertThat(body.get("items").valueStream().map(d -> d.get("domain").asString())).contains(domain);
        }

        @Test
        void onlyPausedDomainsCanBeListed() {
            expect(400, "GET", "/domains", mvc.get().uri("/domains").param("paused", "false").exchange());
            expect(400, "GET", "/domains", mvc.get().uri("/domains").param("paused", "maybe").exchange());
        }

        @Test
        void aResumedDomainStartsCountingAgain() {
            var domain = pausedDomain();

            var body = expect(200, "POST", "/domains/{domain}/resume", resume(domain, "{\"reason\": \"MX fixed\"}"));

            assertThat(body.get("paused").asBoolean()).isFalse();
            assertThat(body.get("level").asString()).isEqualTo("NONE");
        }

        @Test
        void resumingADomainThatIsNotPausedIs409() {
            var domain = uniqueDomain();
            hardBounce("one@" + domain);

            expect(409, "POST", "/domains/{domain}/resume", resume(domain, "{\"reason\": \"MX fixed\"}"));
            expect(409, "POST", "/domains/{domain}/resume", resume(uniqueDomain(), "{\"reason\": \"MX fixed\"}"));
        }

        @Test
        void aResumeWithoutAReasonIs400() {
            expect(400, "POST", "/domains/{domain}/resume", resume(pausedDomain(), "{\"reason\": \" \"}"));
        }

        @Test
        void aResumeNotSentAsJsonIs415() {
            var result = mvc.post().uri("/domains/{domain}/resume", pausedDomain())
                    .contentType(MediaType.TEXT_PLAIN).content("MX fixed").exchange();

            expect(415, "POST", "/domains/{domain}/resume", result);
        }

        @Test
        void aResumeOfAMalformedDomainIs400() {
            expect(400, "POST", "/domains/{domain}/resume", resume("bad..domain", "{\"reason\": \"MX fixed\"}"));
        }
    }

    @Nested
    class Operations {

        @Test
        void livenessIsUp() {
            var body = expect(200, "GET", "/actuator/health/liveness", mvc.get().uri("/actuator/health/liveness").exchange());

            assertThat(body.get("status").asString()).isEqualTo("UP");
        }

        @Test
        void readinessIsUpWithTheDatabase() {
            var body = expect(200, "GET", "/actuator/health/readiness", mvc.get().uri("/actuator/health/readiness").exchange());

            assertThat(body.get("status").asString()).isEqualTo("UP");
        }

        @Test
        void prometheusShowsTheServiceCounters() {
            hardBounce("metered@" + uniqueDomain());

            var result = mvc.get().uri("/actuator/prometheus").exchange();

            assertThat(result).hasStatusOk();
            OpenApiContract.assertMatches("GET", "/actuator/prometheus", result);
            assertThat(result).bodyText().contains("suppression_events_ingested_total{classification=\"USER_UNKNOWN\"")
                    .contains("suppression_addresses_suppressed_total");
        }
    }

    /** Asserts the status, holds the response to the contract, and returns its JSON body. */
    private static JsonNode expect(int status, String method, String pathTemplate, MvcTestResult result) {
        assertThat(result).hasStatus(status);
        OpenApiContract.assertMatches(method, pathTemplate, result);
        try {
            return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MvcTestResult postBounces(String json) {
        return mvc.post().uri("/bounces").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private void hardBounce(String address) {
        expect(200, "POST", "/bounces", postBounces(userUnknown(address, null)));
    }

    /** Five distinct unknown users at a fresh domain: a DOMAIN_PATTERN, so the domain is paused. */
    private String pausedDomain() {
        var domain = uniqueDomain();
        var batch = IntStream.range(0, 5).mapToObj(i -> userUnknown("user" + i + "@" + domain, null))
                .collect(Collectors.joining(",", "[", "]"));
        expect(200, "POST", "/bounces", postBounces(batch));
        return domain;
    }

    private JsonNode check(String address) {
        return expect(200, "GET", "/suppressions/{address}", mvc.get().uri("/suppressions/{address}", address).exchange());
    }

    private JsonNode domain(String domain) {
        return expect(200, "GET", "/domains/{domain}", mvc.get().uri("/domains/{domain}", domain).exchange());
    }

    private MvcTestResult suppressManually(String address, String json) {
        return mvc.put().uri("/suppressions/{address}", address).contentType(MediaType.APPLICATION_JSON)
                .header("X-Actor", "carol").content(json).exchange();
    }

    private MvcTestResult clear(String address, String reason, boolean force) {
        return mvc.delete().uri("/suppressions/{address}", address).param("reason", reason)
                .param("force", String.valueOf(force)).header("X-Actor", "alice").exchange();
    }

    private MvcTestResult resume(String domain, String json) {
        return mvc.post().uri("/domains/{domain}/resume", domain).contentType(MediaType.APPLICATION_JSON)
                .header("X-Actor", "bob").content(json).exchange();
    }

    private static String userUnknown(String address, @Nullable String eventId) {
        return """
                {"recipient": "%s", "smtpCode": 550, "enhancedCode": "5.1.1",
                 "diagnostic": "550 5.1.1 <%s>: Recipient address rejected: User unknown in virtual mailbox table",
                 "reportingMta": "mx1.recipient.example", "messageId": "<%s@sender.example>", "source": "contract-test"
                 %s}
                """.formatted(address, address, UUID.randomUUID(),
                eventId == null ? "" : ", \"eventId\": \"" + eventId + "\"");
    }

    private static String policyBlock(String address) {
        return """
                {"recipient": "%s", "smtpCode": 550, "enhancedCode": "5.7.1",
                 "diagnostic": "550 5.7.1 Message rejected due to local policy"}
                """.formatted(address);
    }

    private static String uniqueDomain() {
        return "contract-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }
}
