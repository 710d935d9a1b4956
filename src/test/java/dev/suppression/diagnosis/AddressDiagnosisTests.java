package dev.suppression.diagnosis;

import static dev.suppression.diagnosis.DomainDiagnosisTests.bounce;
import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import dev.suppression.support.OpenApiContract;
import dev.suppression.support.TestDnsServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class AddressDiagnosisTests {

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
    void oneAddressGetsTheSameRejectorReading() {
        var domain = uniqueDomain("one-address");
        dns.mx(domain, 300, "10 mx1.hc42-7.iphmx.com");
        var address = "quinn@" + domain;
        api.ingest(bounce(address, 550, "5.1.1", "host mx1.hc42-7.iphmx.com[192.0.2.3] said: 550 #5.1.0 Address"
                + " rejected. (in reply to RCPT TO command)", null));

        var result = mvc.get().uri("/suppressions/{address}/diagnosis", address).exchange();

        OpenApiContract.assertMatches("GET", "/suppressions/{address}/diagnosis", result);
        var diagnosis = Api.body(result);
        assertThat(diagnosis.get("rejector").get("vendor").stringValue()).isEqualTo("Cisco Secure Email");
        assertThat(diagnosis.get("rejector").get("role").stringValue()).isEqualTo("INBOUND_GATEWAY");
        assertThat(diagnosis.get("bounces").get(0).get("stage").stringValue()).isEqualTo("RCPT");
        assertThat(DomainDiagnosisTests.rules(diagnosis)).contains("GATEWAY_REJECTS_RECIPIENTS");
        assertThat(diagnosis.get("mx").get("records").get(0).get("vendor").stringValue()).isEqualTo("Cisco Secure Email");
    }

    @Test
    void aPlatformRefusalIsTheSendingPlatformsNotTheRecipients() {
        var domain = uniqueDomain("platform");
        var address = "rae@" + domain;
        api.ingest("""
                {"recipient": "%s", "smtpCode": 550, "enhancedCode": "5.1.1", "diagnostic": "Address is on the suppression list",
                 "reportingMta": "a1-2.smtp-out.amazonses.com", "origin": "sender", "source": "ses"}
                """.formatted(address));

        var diagnosis = Api.body(mvc.get().uri("/suppressions/{address}/diagnosis", address).exchange());

        assertThat(diagnosis.get("rejector").get("role").stringValue()).isEqualTo("SENDING_PLATFORM");
        assertThat(diagnosis.get("rejector").get("vendor").stringValue()).isEqualTo("Amazon SES");
        assertThat(DomainDiagnosisTests.rules(diagnosis)).contains("REJECTED_ON_OUR_SIDE");
        assertThat(diagnosis.get("questions").valueStream().map(q -> q.get("topic").stringValue()))
                .doesNotContain("EXACT_ADDRESS");
    }

    @Test
    void anAddressNeverSeenHasNoBouncesAndNoRejector() {
        var address = "never@" + uniqueDomain("unseen");

        var result = mvc.get().uri("/suppressions/{address}/diagnosis", address).exchange();

        OpenApiContract.assertMatches("GET", "/suppressions/{address}/diagnosis", result);
        var diagnosis = Api.body(result);
        assertThat(diagnosis.get("bounces")).isEmpty();
        assertThat(diagnosis.get("rejector").isNull()).isTrue();
    }

    @Test
    void theAddressTicketIsMarkdown() {
        var domain = uniqueDomain("address-ticket");
        var address = "sam@" + domain;
        api.hardBounce(address);

        var result = mvc.get().uri("/suppressions/{address}/diagnosis", address).header("Accept", "text/markdown").exchange();

        OpenApiContract.assertMatches("GET", "/suppressions/{address}/diagnosis", result);
        assertThat(result).bodyText().startsWith("# Mail to " + address + " is being refused")
                .contains("mx1.recipient.example (mail server)");
    }
}
