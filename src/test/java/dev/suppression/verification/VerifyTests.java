package dev.suppression.verification;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import dev.suppression.support.OpenApiContract;
import dev.suppression.support.TestDnsServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.xbill.DNS.Type;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class VerifyTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestDnsServer dns;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void aBatchIsAnsweredInInputOrderWithTheDnsCheckThatDecidedIt() {
        var withMx = uniqueDomain("mx");
        var implicit = uniqueDomain("implicit");
        var nullMx = uniqueDomain("null-mx");
        var bare = uniqueDomain("bare");
        var missing = uniqueDomain("missing");
        dns.mx(withMx, 300, "10 mx1." + withMx);
        dns.a(implicit, "192.0.2.10");
        dns.nullMx(nullMx);
        dns.exists(bare);

        var results = verify("ann@" + withMx, " Ann.B@" + implicit.toUpperCase(), "cy@" + nullMx, "dee@" + bare,
                "eve@" + missing, "not-an-address");

        assertThat(results).extracting(r -> r.get("verdict").asString()).containsExactly("DELIVERABLE_UNKNOWN",
                "DELIVERABLE_UNKNOWN", "UNDELIVERABLE", "UNDELIVERABLE", "UNDELIVERABLE", "UNDELIVERABLE");
        assertThat(results).extracting(r -> r.at("/checks/domain").asString())
                .containsExactly("MX", "IMPLICIT_MX", "NULL_MX", "NO_MAIL_HOST", "NXDOMAIN", "NOT_CHECKED");
        assertThat(results.get(1).get("address").asString()).isEqualTo(" Ann.B@" + implicit.toUpperCase());
        assertThat(results.get(1).get("normalized").asString()).isEqualTo("ann.b@" + implicit);
        assertThat(results.get(0).at("/checks/domainDetail").asString()).isEqualTo("MX mx1." + withMx);
        assertThat(results.get(0).at("/checks/mailbox").asString()).isEqualTo("UNKNOWN");
        assertThat(results.get(0).at("/checks/catchAll").asString()).isEqualTo("UNKNOWN");
        assertThat(results.get(4).get("detail").asString()).isEqualTo("the domain does not exist (NXDOMAIN)");
        assertThat(results.get(5).at("/checks/syntax").asString()).isEqualTo("INVALID");
        assertThat(results.get(5).get("normalized").isNull()).isTrue();
        assertThat(results.get(5).get("detail").asString()).contains("has no '@'");
    }

    @Test
    void aSuppressedAddressIsUndeliverableAndAnAddressAtAPausedDomainIsRisky() {
        var domain = uniqueDomain("own-list");
        dns.mx(domain, 300, "10 mx." + domain);
        api.hardBounce("gone@" + domain);
        var paused = uniqueDomain("paused");
        dns.mx(paused, 300, "10 mx." + paused);
        for (var user : List.of("a1", "a2", "a3", "a4", "a5")) {
            api.hardBounce(user + "@" + paused);
        }

        var results = verify("gone@" + domain, "other@" + domain, "fresh@" + paused);

        assertThat(results).extracting(r -> r.at("/checks/ownList").asString())
                .containsExactly("SUPPRESSED", "CLEAR", "DOMAIN_PAUSED");
        assertThat(results).extracting(r -> r.get("verdict").asString())
                .containsExactly("UNDELIVERABLE", "DELIVERABLE_UNKNOWN", "RISKY");
    }

    @Test
    void aLikelyTypoIsSuggestedAndNeverCorrected() {
        dns.mx("gmial.com", 300, "10 mx.gmial.com");

        var result = verify("Jane@gmial.com").getFirst();

        assertThat(result.get("normalized").asString()).isEqualTo("jane@gmial.com");
        assertThat(result.at("/checks/didYouMean").asString()).isEqualTo("jane@gmail.com");
        assertThat(result.get("verdict").asString()).isEqualTo("RISKY");
        assertThat(result.get("detail").asString()).startsWith("did you mean jane@gmail.com?");
    }

    @Test
    void roleAddressesAndDisposableDomainsAreRisky() {
        var domain = uniqueDomain("company");
        dns.mx(domain, 300, "10 mx." + domain);
        dns.mx("mailinator.com", 300, "10 mail.mailinator.com");

        var results = verify("postmaster@" + domain, "no-reply+news@" + domain, "throwaway@mailinator.com",
                "jane@" + domain);

        assertThat(results).extracting(r -> r.at("/checks/role").asBoolean()).containsExactly(true, true, false, false);
        assertThat(results).extracting(r -> r.at("/checks/disposable").asBoolean())
                .containsExactly(false, false, true, false);
        assertThat(results).extracting(r -> r.get("verdict").asString())
                .containsExactly("RISKY", "RISKY", "RISKY", "DELIVERABLE_UNKNOWN");
    }

    @Test
    void severalNeverSeenLocalPartsAtADomainThatAnsweredUnknownUserAreFlaggedAsGuessing() {
        var domain = uniqueDomain("guessed");
        dns.mx(domain, 300, "10 mx." + domain);
        api.hardBounce("j.smith@" + domain);
        api.ingest("""
                {"recipient": "known@%s", "smtpCode": 452, "enhancedCode": "4.2.2", "diagnostic": "452 mailbox full"}
                """.formatted(domain));

        var results = verify("john.smith@" + domain, "jsmith@" + domain, "smith.j@" + domain, "known@" + domain);

        assertThat(results).extracting(r -> r.at("/checks/guessing").asBoolean()).containsExactly(true, true, true, false);
        assertThat(results.getFirst().get("verdict").asString()).isEqualTo("RISKY");
        assertThat(results.getFirst().get("detail").asString()).contains("dictionary attack");
    }

    @Test
    void twoNewAddressesAtADomainThatAnsweredUnknownUserAreNotAGuess() {
        var domain = uniqueDomain("two-new");
        dns.mx(domain, 300, "10 mx." + domain);
        api.hardBounce("old@" + domain);

        var results = verify("new1@" + domain, "new2@" + domain);

        assertThat(results).extracting(r -> r.at("/checks/guessing").asBoolean()).containsExactly(false, false);
    }

    @Test
    void eachDomainOfABatchIsAskedOfDnsOnce() {
        var domain = uniqueDomain("once");
        dns.mx(domain, 300, "10 mx." + domain);
        var addresses = IntStream.range(0, 50).mapToObj(i -> "user" + i + "@" + domain).toArray(String[]::new);

        var results = verify(addresses);

        assertThat(results).hasSize(50).allSatisfy(r -> assertThat(r.at("/checks/domain").asString()).isEqualTo("MX"));
        assertThat(dns.queriesFor(domain, Type.MX)).isEqualTo(1);
    }

    @Test
    void aSingleAddressIsVerifiedWithItsSummary() {
        var domain = uniqueDomain("single");
        dns.mx(domain, 300, "10 mx." + domain);

        var body = expect(200, mvc.post().uri("/verify").contentType(MediaType.APPLICATION_JSON)
                .content("{\"address\": \"solo@" + domain + "\"}").exchange());

        assertThat(body.at("/results/0/normalized").asString()).isEqualTo("solo@" + domain);
        assertThat(body.at("/summary/total").asLong()).isEqualTo(1);
        assertThat(body.at("/summary/deliverableUnknown").asLong()).isEqualTo(1);
        assertThat(body.at("/summary/domains").asLong()).isEqualTo(1);
    }

    @Test
    void aBodyWithoutAddressesIsAProblemSayingWhatToSend() {
        var body = expect(400, mvc.post().uri("/verify").contentType(MediaType.APPLICATION_JSON).content("{}").exchange());

        assertThat(body.get("detail").asString()).contains("{\"addresses\": [");
    }

    @Test
    void moreThanTenThousandAddressesAsJsonIs413AndPointsToTheStreamedForm() {
        var addresses = IntStream.range(0, 10_001).mapToObj(i -> "\"u" + i + "@example.com\"")
                .collect(Collectors.joining(",", "{\"addresses\": [", "]}"));

        var body = expect(413, mvc.post().uri("/verify").contentType(MediaType.APPLICATION_JSON).content(addresses)
                .exchange());

        assertThat(body.get("detail").asString()).contains("text/csv");
    }

    @Test
    void aCsvListStreamsBackACsvReportWithASummaryAndABadLineIsARowOfItsOwn() throws Exception {
        var domain = uniqueDomain("csv");
        dns.mx(domain, 300, "10 mx." + domain);
        var csv = "address,reason\nann@" + domain + ",MANUAL\n\"info@" + domain + "\"\nbroken\n\nbob@"
                + uniqueDomain("gone") + "\n";

        var result = mvc.post().uri("/verify").contentType("text/csv").content(csv).exchange();

        assertThat(result).hasStatusOk();
        OpenApiContract.assertMatches("POST", "/verify", result);
        var lines = result.getResponse().getContentAsString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).isEqualTo(ListVerification.HEADER);
        assertThat(lines.get(1)).startsWith("2,ann@" + domain + ",ann@" + domain + ",DELIVERABLE_UNKNOWN,VALID,CLEAR,MX,,");
        assertThat(lines.get(2)).startsWith("3,info@" + domain + ",info@" + domain + ",RISKY,");
        assertThat(lines.get(3)).startsWith("4,broken,,UNDELIVERABLE,INVALID,NOT_CHECKED,NOT_CHECKED,");
        assertThat(lines.get(4)).startsWith("6,bob@").contains(",UNDELIVERABLE,VALID,CLEAR,NXDOMAIN,");
        assertThat(lines.get(5))
                .isEqualTo("# summary: total=4, DELIVERABLE_UNKNOWN=1, RISKY=1, UNDELIVERABLE=2, domains=2");
    }

    @Test
    void anNdjsonListIsReadLineByLineAndALineThatIsNotJsonIsReported() throws Exception {
        var domain = uniqueDomain("ndjson");
        dns.mx(domain, 300, "10 mx." + domain);
        var ndjson = "{\"address\": \"ann@" + domain + "\"}\n{not json\n{\"email\": \"x@" + domain + "\"}\n";

        var result = mvc.post().uri("/verify").contentType("application/x-ndjson").content(ndjson).exchange();

        assertThat(result).hasStatusOk();
        var lines = result.getResponse().getContentAsString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(1)).startsWith("1,ann@" + domain + ",ann@" + domain + ",DELIVERABLE_UNKNOWN,");
        assertThat(lines.get(2)).startsWith("2,{not json,,UNDELIVERABLE,INVALID,").contains("not valid JSON");
        assertThat(lines.get(3)).startsWith("3,").contains("with a string \"\"address\"\"");
        assertThat(lines.get(4)).startsWith("# summary: total=3, DELIVERABLE_UNKNOWN=1, RISKY=0, UNDELIVERABLE=2");
    }

    @Test
    void theGuessingGuardCountsOverAWholeStreamedListNotEachChunk() throws Exception {
        var filler = uniqueDomain("filler");
        dns.mx(filler, 300, "10 mx." + filler);
        var guessed = uniqueDomain("guessed-stream");
        dns.mx(guessed, 300, "10 mx." + guessed);
        api.hardBounce("old.one@" + guessed);
        var csv = new StringBuilder();
        for (int i = 0; i < ListVerification.CHUNK - 2; i++) {
            csv.append("u").append(i).append('@').append(filler).append('\n');
        }
        csv.append("first.try@").append(guessed).append('\n').append("second.try@").append(guessed).append('\n')
                .append("third.try@").append(guessed).append('\n');

        var result = mvc.post().uri("/verify").contentType("text/csv").content(csv.toString()).exchange();

        assertThat(result).hasStatusOk();
        var lines = result.getResponse().getContentAsString(StandardCharsets.UTF_8).lines().toList();
        var third = lines.get(lines.size() - 2);
        assertThat(third).startsWith(ListVerification.CHUNK + 1 + ",third.try@" + guessed).contains(",RISKY,")
                .contains(",false,false,true,");
    }

    private List<JsonNode> verify(String... addresses) {
        var json = java.util.Arrays.stream(addresses).map(a -> "\"" + a + "\"")
                .collect(Collectors.joining(",", "{\"addresses\": [", "]}"));
        var body = expect(200, mvc.post().uri("/verify").contentType(MediaType.APPLICATION_JSON).content(json).exchange());
        assertThat(body.at("/summary/total").asLong()).isEqualTo(addresses.length);
        return body.get("results").valueStream().toList();
    }

    private static JsonNode expect(int status, MvcTestResult result) {
        assertThat(result).hasStatus(status);
        OpenApiContract.assertMatches("POST", "/verify", result);
        return Api.body(result);
    }
}
