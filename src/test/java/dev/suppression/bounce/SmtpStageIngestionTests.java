package dev.suppression.bounce;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Each bounce keeps the SMTP stage it was refused at and the hosts that refused and reported it, and the stage
 * rule decides through the whole path: a refusal before RCPT or a "no such user" after DATA is evidence only.
 */
@IntegrationTest
class SmtpStageIngestionTests {

    @Autowired
    MockMvcTester mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void theResultAndTheHistoryShowTheStageTheRefusingHostAndTheReportingHost() {
        var address = "stage@" + uniqueDomain("stage");

        var result = api.ingest("""
                {"recipient": "%s", "smtpCode": 550, "enhancedCode": "5.1.1", "eventId": "s-%s",
                 "diagnostic": "550 5.1.1 User unknown", "stage": "RCPT",
                 "remoteMta": "mx1.recipient.example", "reportingMta": "mta7.esp.example"}
                """.formatted(address, UUID.randomUUID())).get("results").get(0);

        assertThat(result.get("stage").stringValue()).isEqualTo("RCPT");
        assertThat(result.get("remoteMta").stringValue()).isEqualTo("mx1.recipient.example");
        assertThat(result.get("reportingMta").stringValue()).isEqualTo("mta7.esp.example");
        assertThat(result.get("detail").isNull()).isTrue();
        var bounce = bounceEntry(address);
        assertThat(bounce.get("stage").stringValue()).isEqualTo("RCPT");
        assertThat(bounce.get("remoteMta").stringValue()).isEqualTo("mx1.recipient.example");
        assertThat(bounce.get("reportingMta").stringValue()).isEqualTo("mta7.esp.example");
        assertThat(bounce.get("rejectingHost").stringValue()).isEqualTo("mx1.recipient.example");
        assertThat(api.check(address).get("suppression").get("rejectingHost").stringValue())
                .isEqualTo("mx1.recipient.example");
    }

    @Test
    void aStageAndRefusingHostTheReporterDoesNotNameAreReadFromTheDiagnostic() {
        var address = "read@" + uniqueDomain("stage-read");

        var result = api.ingest("""
                {"recipient": "%s", "diagnostic": "host mx.recipient.example[192.0.2.7] said: 550 5.1.1 <%s>: \
                Recipient address rejected: User unknown (in reply to RCPT TO command)"}
                """.formatted(address, address)).get("results").get(0);

        assertThat(result.get("stage").stringValue()).isEqualTo("RCPT");
        assertThat(result.get("classification").stringValue()).isEqualTo("USER_UNKNOWN");
        assertThat(result.get("remoteMta").stringValue()).isEqualTo("mx.recipient.example");
        assertThat(api.check(address).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
    }

    @Test
    void aRejectionAfterMailFromNeverSuppressesWhateverItsCodeSays() {
        var address = "mailfrom@" + uniqueDomain("stage-mail");

        var result = api.ingest("""
                {"recipient": "%s", "smtpCode": 550, "enhancedCode": "5.1.1", "stage": "mail",
                 "diagnostic": "550 5.1.1 No such user"}
                """.formatted(address)).get("results").get(0);

        assertThat(result.get("status").stringValue()).isEqualTo("accepted");
        assertThat(result.get("stage").stringValue()).isEqualTo("MAIL");
        assertThat(result.get("classification").stringValue()).isEqualTo("POLICY");
        assertThat(result.get("reason").stringValue()).isEqualTo("SENDER_REJECTED");
        assertThat(result.get("detail").stringValue()).startsWith("refused after MAIL FROM");
        var check = api.check(address);
        assertThat(check.get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(check.get("domain").get("distinctAddresses").intValue()).isZero();
    }

    @Test
    void aUserUnknownAfterDataIsKeptAsEvidenceAndTheHistorySaysWhyItDidNotSuppress() {
        var address = "filtered@" + uniqueDomain("stage-data");

        var result = api.ingest("""
                {"recipient": "%s", "diagnostic": "SMTP error from remote mail server after end of data: \
                550 Unknown user"}
                """.formatted(address)).get("results").get(0);

        assertThat(result.get("stage").stringValue()).isEqualTo("DATA");
        assertThat(result.get("reason").stringValue()).isEqualTo("FILTERED");
        assertThat(result.get("classification").stringValue()).isEqualTo("UNDETERMINED");
        var bounce = bounceEntry(address);
        assertThat(bounce.get("reason").stringValue()).isEqualTo("FILTERED");
        assertThat(bounce.get("reasonDetail").stringValue()).contains("recipient-side filter");
        assertThat(api.check(address).get("verdict").stringValue()).isEqualTo("ALLOW");
    }

    @Test
    void anUnknownStageIsRejectedWithTheAllowedValues() {
        var result = api.ingest("""
                {"recipient": "odd@%s", "smtpCode": 550, "stage": "QUIT"}
                """.formatted(uniqueDomain("stage-odd"))).get("results").get(0);

        assertThat(result.get("status").stringValue()).isEqualTo("rejected");
        assertThat(result.get("detail").stringValue())
                .isEqualTo("'stage' must be one of CONNECT, HELO, MAIL, RCPT, DATA or UNKNOWN, not \"QUIT\"");
    }

    private JsonNode bounceEntry(String address) {
        return api.history(address).get("entries").valueStream()
                .filter(e -> e.get("type").stringValue().equals("BOUNCE")).findFirst().orElseThrow();
    }
}
