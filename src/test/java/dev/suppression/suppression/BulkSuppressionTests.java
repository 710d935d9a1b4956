package dev.suppression.suppression;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class BulkSuppressionTests {

    @Autowired
    MockMvcTester mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void theBatchCheckAnswersEachAddressInInputOrder() {
        var domain = uniqueDomain("batch-check");
        var pausedDomain = uniqueDomain("batch-paused");
        api.hardBounce("dead@" + domain);
        for (int i = 0; i < 5; i++) {
            api.hardBounce("u" + i + "@" + pausedDomain);
        }

        var result = mvc.post().uri("/suppressions/check").contentType(MediaType.APPLICATION_JSON).content("""
                {"addresses": ["DEAD@%1$s", "alive@%1$s", "not an address", "fresh@%2$s", "u1@%2$s"]}
                """.formatted(domain, pausedDomain)).exchange();

        assertThat(result).hasStatusOk();
        var results = Api.body(result).get("results");
        assertThat(results).hasSize(5);
        assertThat(results.get(0).get("address").stringValue()).isEqualTo("dead@" + domain);
        assertThat(results.get(0).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(results.get(0).get("mayMail").booleanValue()).isFalse();
        assertThat(results.get(1).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(results.get(1).get("mayMail").booleanValue()).isTrue();
        assertThat(results.get(2).get("verdict").stringValue()).isEqualTo("INVALID");
        assertThat(results.get(2).get("detail").stringValue()).contains("no '@'");
        assertThat(results.get(3).get("verdict").stringValue()).isEqualTo("DOMAIN_PAUSED");
        assertThat(results.get(4).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
    }

    @Test
    void aBatchCheckOfMoreThanTenThousandAddressesIsTooLarge() {
        var addresses = IntStream.range(0, 10_001).mapToObj(i -> "\"a" + i + "@x.example\"")
                .collect(Collectors.joining(",", "{\"addresses\": [", "]}"));

        var result = mvc.post().uri("/suppressions/check").contentType(MediaType.APPLICATION_JSON).content(addresses)
                .exchange();

        assertThat(result).hasStatus(413).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aCsvImportSuppressesEachValidRowAndReportsTheRestByLine() {
        var domain = uniqueDomain("import");
        api.hardBounce("already@" + domain);
        var csv = """
                address,reason,since,classification
                one@%1$s,HARD_BOUNCE,2025-01-02T03:04:05Z,USER_UNKNOWN
                "two@%1$s",MANUAL
                already@%1$s,HARD_BOUNCE
                broken-address,MANUAL
                three@%1$s,UNSUBSCRIBED
                four@%1$s,COMPLAINT
                """.formatted(domain);

        var result = mvc.post().uri("/suppressions/import").contentType("text/csv").content(csv)
                .header("X-Actor", "migration").exchange();

        assertThat(result).hasStatusOk();
        var summary = Api.body(result);
        assertThat(summary.get("imported").intValue()).isEqualTo(3);
        assertThat(summary.get("alreadyPresent").intValue()).isEqualTo(1);
        assertThat(summary.get("rejected").intValue()).isEqualTo(2);
        assertThat(summary.get("errors").get(0).get("line").intValue()).isEqualTo(5);
        assertThat(summary.get("errors").get(1).get("line").intValue()).isEqualTo(6);
        assertThat(summary.get("errors").get(1).get("detail").stringValue()).contains("'reason'");
        var one = api.check("one@" + domain);
        assertThat(one.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(one.get("suppression").get("since").stringValue()).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(one.get("suppression").get("classification").stringValue()).isEqualTo("USER_UNKNOWN");
        assertThat(api.check("four@" + domain).get("suppression").get("reason").stringValue()).isEqualTo("COMPLAINT");
        var change = api.history("two@" + domain).get("entries").get(0);
        assertThat(change.get("type").stringValue()).isEqualTo("IMPORTED");
        assertThat(change.get("actor").stringValue()).isEqualTo("bootstrap-admin (migration)");
    }

    @Test
    void anImportOfManyChunksCountsEveryRowOnceWhateverChunkItLandsIn() {
        var domains = List.of(uniqueDomain("chunks-a"), uniqueDomain("chunks-b"), uniqueDomain("chunks-c"));
        var csv = new StringBuilder("address,reason\n");
        for (int i = 0; i < 12_000; i++) {
            csv.append("u").append(i).append('@').append(domains.get(i % 3)).append(",MANUAL\n");
        }
        csv.append("u0@").append(domains.get(0)).append(",MANUAL\n"); // a repeat of the first row, chunks later
        csv.append("not-an-address,MANUAL\n");

        var summary = Api.body(mvc.post().uri("/suppressions/import").contentType("text/csv")
                .content(csv.toString()).exchange());

        assertThat(summary.get("imported").intValue()).isEqualTo(12_000);
        assertThat(summary.get("alreadyPresent").intValue()).isEqualTo(1);
        assertThat(summary.get("rejected").intValue()).isEqualTo(1);
        assertThat(summary.get("errors").get(0).get("line").intValue()).isEqualTo(12_003);
        assertThat(api.check("u11999@" + domains.get(11_999 % 3)).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        var page = Api.body(mvc.get().uri("/suppressions").param("domain", domains.get(1)).param("limit", "1000").exchange());
        assertThat(page.get("items")).hasSize(1000);
    }

    @Test
    void anNdjsonImportReadsOneObjectPerLine() {
        var domain = uniqueDomain("ndjson");
        var ndjson = """
                {"address": "a@%1$s", "reason": "MANUAL"}
                {"address": "b@%1$s"}
                [1, 2]
                """.formatted(domain);

        var summary = Api.body(mvc.post().uri("/suppressions/import").contentType("application/x-ndjson")
                .content(ndjson).exchange());

        assertThat(summary.get("imported").intValue()).isEqualTo(2);
        assertThat(summary.get("rejected").intValue()).isEqualTo(1);
        assertThat(api.check("b@" + domain).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
    }

    @Test
    void anImportOfAnotherFormatIsABadRequest() {
        var result = mvc.post().uri("/suppressions/import").contentType(MediaType.APPLICATION_XML)
                .content("<list/>").exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theExportStreamsEveryActiveSuppressionInTheImportFormat() throws Exception {
        var domain = uniqueDomain("export");
        api.hardBounce("gone@" + domain);
        api.suppressManually("manual@" + domain, "asked");
        api.hardBounce("cleared@" + domain);
        api.clear("cleared@" + domain, "fixed", false);

        var result = mvc.get().uri("/suppressions/export").exchange();

        assertThat(result).hasStatusOk();
        var csv = result.getResponse().getContentAsString();
        assertThat(csv).startsWith("address,reason,since,classification\n");
        assertThat(csv).contains("gone@" + domain + ",HARD_BOUNCE,").contains("manual@" + domain + ",MANUAL,");
        assertThat(csv).doesNotContain("cleared@" + domain);
    }
}
