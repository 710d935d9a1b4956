package dev.suppression.diagnosis;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import dev.suppression.support.OpenApiContract;
import dev.suppression.support.TestDnsServer;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class DomainDiagnosisTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestDnsServer dns;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void aGatewayRejectingKnownUsersIsNamed() {
        var domain = uniqueDomain("gateway");
        dns.mx(domain, 300, "10 mx0a-0012ab.pphosted.com", "20 mx0b-0012ab.pphosted.com");
        for (var user : new String[] {"ann", "bob", "cy"}) {
            api.ingest(bounce(user + "@" + domain, 550, "5.1.1",
                    "host mx0a-0012ab.pphosted.com[192.0.2.5] said: 550 5.1.1 <" + user + "@" + domain
                            + ">: Recipient address rejected: User unknown (in reply to RCPT TO command)",
                    "mta1.sender.example"));
        }

        var diagnosis = diagnosis(domain);

        var gateway = finding(diagnosis, "GATEWAY_REJECTS_RECIPIENTS");
        assertThat(gateway.get("title").stringValue()).contains("Proofpoint");
        assertThat(gateway.get("evidence")).hasSize(3);
        assertThat(gateway.get("evidence").get(0).stringValue()).contains("mx0a-0012ab.pphosted.com (Proofpoint)");
        assertThat(topics(diagnosis)).contains("GATEWAY_SYNC", "ROUTE_TARGET", "CACHE_CLEAR");
        var rejector = diagnosis.get("rejectors").get(0);
        assertThat(rejector.get("host").stringValue()).isEqualTo("mx0a-0012ab.pphosted.com");
        assertThat(rejector.get("role").stringValue()).isEqualTo("INBOUND_GATEWAY");
        assertThat(rejector.get("vendor").stringValue()).isEqualTo("Proofpoint");
        assertThat(rejector.get("inMx").booleanValue()).isTrue();
        assertThat(rejector.get("addresses").intValue()).isEqualTo(3);
        var bounce = diagnosis.get("addresses").get(0);
        assertThat(bounce.get("stage").stringValue()).isEqualTo("RCPT");
        assertThat(bounce.get("enhancedCode").stringValue()).isEqualTo("5.1.1");
        assertThat(bounce.get("reportingMta").stringValue()).isEqualTo("mta1.sender.example");
        assertThat(diagnosis.get("mx").get("status").stringValue()).isEqualTo("KNOWN");
        assertThat(diagnosis.get("mx").get("summary").stringValue())
                .isEqualTo("MX 10 mx0a-0012ab.pphosted.com, 20 mx0b-0012ab.pphosted.com");
        assertThat(diagnosis.get("mx").get("records").get(0).get("vendor").stringValue()).isEqualTo("Proofpoint");
    }

    @Test
    void theRejectingHostAndStageAreTheOnesTheReporterGave() {
        var domain = uniqueDomain("reported-host");
        api.ingest("""
                {"recipient": "una@%s", "smtpCode": 550, "enhancedCode": "5.1.1", "diagnostic": "550 5.1.1 User unknown",
                 "stage": "RCPT", "remoteMta": "mx2.hornetsecurity.com", "reportingMta": "out1.sender.example"}
                """.formatted(domain));

        var bounce = diagnosis(domain).get("addresses").get(0);

        assertThat(bounce.get("rejectingHost").stringValue()).isEqualTo("mx2.hornetsecurity.com");
        assertThat(bounce.get("rejectorVendor").stringValue()).isEqualTo("Hornetsecurity");
        assertThat(bounce.get("rejectorRole").stringValue()).isEqualTo("INBOUND_GATEWAY");
        assertThat(bounce.get("stage").stringValue()).isEqualTo("RCPT");
        assertThat(bounce.get("reportingMta").stringValue()).isEqualTo("out1.sender.example");
    }

    @Test
    void anMxChangeBeforeTheBouncesIsAFinding() {
        var domain = uniqueDomain("moved");
        dns.mx(domain, 0, "10 mail." + domain);
        diagnosis(domain);
        dns.mx(domain, 0, "10 " + domain.replace('.', '-') + ".mail.protection.outlook.com");
        diagnosis(domain);
        api.hardBounce("dee@" + domain);
        api.hardBounce("eve@" + domain);

        var diagnosis = diagnosis(domain);

        var moved = finding(diagnosis, "MX_CHANGED_BEFORE_BOUNCES");
        assertThat(moved.get("detail").stringValue()).contains("MX 10 mail." + domain)
                .contains("before the first bounce");
        assertThat(diagnosis.get("mxHistory")).hasSize(2);
        assertThat(diagnosis.get("mxHistory").get(1).get("previousHosts").get(0).stringValue())
                .isEqualTo("10 mail." + domain);
        assertThat(topics(diagnosis)).contains("ROUTE_TARGET");
    }

    @Test
    void aRouteThatNeverChangedIsNoFinding() {
        var domain = uniqueDomain("steady");
        dns.mx(domain, 0, "10 mail." + domain);
        diagnosis(domain);
        api.hardBounce("fay@" + domain);
        api.hardBounce("gus@" + domain);

        var diagnosis = diagnosis(domain);

        assertThat(rules(diagnosis)).doesNotContain("MX_CHANGED_BEFORE_BOUNCES");
        assertThat(diagnosis.get("mxHistory")).hasSize(1);
    }

    @Test
    void dnsTimeoutNeverFailsTheDiagnosis() {
        var domain = uniqueDomain("slow-dns");
        dns.slow(domain, Duration.ofSeconds(4));
        api.hardBounce("hal@" + domain);

        var diagnosis = diagnosis(domain);

        assertThat(diagnosis.get("mx").get("status").stringValue()).isEqualTo("UNKNOWN");
        assertThat(diagnosis.get("mx").get("summary").stringValue())
                .isEqualTo("MX unknown: no answer within 2s for MX " + domain + ".");
        assertThat(diagnosis.get("addresses")).hasSize(1);
    }

    @Test
    void aServfailIsMxUnknownAndKeepsTheLastRouteSeen() {
        var domain = uniqueDomain("servfail");
        dns.mx(domain, 0, "10 mail." + domain);
        diagnosis(domain);
        dns.servfail(domain);

        var mx = diagnosis(domain).get("mx");

        assertThat(mx.get("status").stringValue()).isEqualTo("UNKNOWN");
        assertThat(mx.get("summary").stringValue()).startsWith("MX unknown: the DNS server answered SERVFAIL")
                .endsWith(": MX 10 mail." + domain + ")");
        assertThat(mx.get("records").get(0).get("host").stringValue()).isEqualTo("mail." + domain);
    }

    @Test
    void aNullMxIsNamedAsADomainThatTakesNoMail() {
        var domain = uniqueDomain("null-mx");
        dns.nullMx(domain);
        api.ingest(bounce("ida@" + domain, 556, "5.1.10", "556 5.1.10 Recipient address rejected: domain does not accept mail", null));

        var diagnosis = diagnosis(domain);

        assertThat(finding(diagnosis, "NO_MAIL_HOST").get("title").stringValue())
                .isEqualTo("The domain publishes a null MX");
        assertThat(diagnosis.get("mx").get("kind").stringValue()).isEqualTo("NULL_MX");
    }

    @Test
    void aDomainThatDoesNotExistHasNoMailHost() {
        var domain = uniqueDomain("nxdomain");
        api.hardBounce("jo@" + domain);

        var diagnosis = diagnosis(domain);

        assertThat(finding(diagnosis, "NO_MAIL_HOST").get("detail").stringValue()).contains("does not exist (NXDOMAIN)");
    }

    @Test
    void withoutMxTheDomainsAddressIsItsMailHost() {
        var domain = uniqueDomain("implicit");
        dns.a(domain, "192.0.2.44");

        var mx = diagnosis(domain).get("mx");

        assertThat(mx.get("kind").stringValue()).isEqualTo("IMPLICIT_MX");
        assertThat(mx.get("records").get(0).get("host").stringValue()).isEqualTo(domain);
    }

    @Test
    void missingMailboxesAtTheFinalProviderAreNamed() {
        var domain = uniqueDomain("google");
        dns.mx(domain, 300, "1 aspmx.l.google.com", "5 alt1.aspmx.l.google.com");
        api.ingest(bounce("kim@" + domain, 550, "5.1.1", "host aspmx.l.google.com[192.0.2.26] said: 550-5.1.1 The email"
                + " account that you tried to reach does not exist. Please try double-checking the recipient's email"
                + " address for typos or unnecessary spaces. - gsmtp (in reply to RCPT TO command)", null));

        var diagnosis = diagnosis(domain);

        var missing = finding(diagnosis, "MAILBOXES_MISSING_AT_PROVIDER");
        assertThat(missing.get("detail").stringValue()).contains("Google Workspace");
        assertThat(rules(diagnosis)).doesNotContain("GATEWAY_REJECTS_RECIPIENTS", "REJECTED_ON_OUR_SIDE");
        assertThat(topics(diagnosis)).contains("EXACT_ADDRESS");
    }

    @Test
    void aMicrosoft365EdgeBlockPointsAtTheTenantSetup() {
        var domain = uniqueDomain("m365");
        var host = domain.replace('.', '-') + ".mail.protection.outlook.com";
        dns.mx(domain, 300, "0 " + host);
        api.ingest(bounce("lee@" + domain, 550, "5.4.1", "host " + host + "[192.0.2.7] said: 550 5.4.1 Recipient"
                + " address rejected: Access denied. [AM4PEPF00027A6C.eurprd04.prod.outlook.com] (in reply to RCPT TO"
                + " command)", null));

        var diagnosis = diagnosis(domain);

        assertThat(finding(diagnosis, "MICROSOFT_365_RECIPIENT_SETUP").get("detail").stringValue())
                .contains("Directory-Based Edge Blocking");
        assertThat(diagnosis.get("rejectors").get(0).get("vendor").stringValue())
                .isEqualTo("Microsoft 365 / Exchange Online");
        assertThat(topics(diagnosis)).contains("ACCEPTED_DOMAIN");
    }

    @Test
    void aBounceWithNoRemoteHostIsOurOwnSide() {
        var domain = uniqueDomain("own-side");
        dns.mx(domain, 300, "10 mail." + domain);
        api.ingest(bounce("max@" + domain, 550, "5.1.1", "550 5.1.1 user unknown", null));

        var diagnosis = diagnosis(domain);

        assertThat(finding(diagnosis, "REJECTED_ON_OUR_SIDE").get("questions")).isEmpty();
        assertThat(diagnosis.get("addresses").get(0).get("rejectorRole").stringValue()).isEqualTo("OWN_SIDE");
        assertThat(diagnosis.get("addresses").get(0).get("rejectingHost").isNull()).isTrue();
    }

    @Test
    void theTicketIsMarkdownReadyForTheRecipientAdmin() {
        var domain = uniqueDomain("ticket");
        dns.mx(domain, 300, "10 eu-smtp-inbound-1.mimecast.com");
        api.ingest(bounce("ned@" + domain, 550, "5.1.1", "host eu-smtp-inbound-1.mimecast.com[192.0.2.9] said: 550"
                + " Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550 (in reply to RCPT TO command)",
                null));

        var result = mvc.get().uri("/domains/{domain}/diagnosis", domain).header("Accept", "text/markdown").exchange();

        OpenApiContract.assertMatches("GET", "/domains/{domain}/diagnosis", result);
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("text/markdown");
        assertThat(result).bodyText()
                .startsWith("# Mail to " + domain + " is being refused")
                .contains("| ned@" + domain + " | ")
                .contains("eu-smtp-inbound-1.mimecast.com (Mimecast, inbound gateway)")
                .contains("## The MX path\n\nMX 10 eu-smtp-inbound-1.mimecast.com")
                .contains("## Questions for you\n\n1. ")
                .contains("one controlled retry");
    }

    @Test
    void aTicketForADomainWithoutHardBouncesSaysSoInsteadOfClaimingRefusals() {
        var domain = uniqueDomain("quiet");
        dns.mx(domain, 300, "10 mx.quiet.example");

        var result = mvc.get().uri("/domains/{domain}/diagnosis", domain).header("Accept", "text/markdown").exchange();

        assertThat(result).hasStatusOk();
        assertThat(result).bodyText()
                .startsWith("# No hard bounces at " + domain + "\n\nSince ")
                .contains("no address at " + domain + " hard-bounced.")
                .doesNotContain("is being refused")
                .contains("No hard bounce is on record.");
    }

    @Test
    void jsonIsTheAnswerWithoutAPreferenceForMarkdown() {
        var domain = uniqueDomain("json");

        var result = mvc.get().uri("/domains/{domain}/diagnosis", domain).header("Accept", "*/*").exchange();

        OpenApiContract.assertMatches("GET", "/domains/{domain}/diagnosis", result);
        assertThat(result.getResponse().getContentType()).startsWith("application/json");
        assertThat(Api.body(result).get("level").stringValue()).isEqualTo("NONE");
    }

    @Test
    void aMalformedDomainIs400() {
        var result = mvc.get().uri("/domains/{domain}/diagnosis", "not a domain").exchange();

        OpenApiContract.assertMatches("GET", "/domains/{domain}/diagnosis", result);
        assertThat(result).hasStatus(400);
    }

    @Test
    void aSmallClusterRecordsItsMxAfterTheCommitWithoutTheIngestionWaiting() throws InterruptedException {
        var domain = uniqueDomain("cluster-mx");
        dns.mx(domain, 300, "10 mx.slow." + domain);
        dns.slow(domain, Duration.ofSeconds(4));
        api.hardBounce("oli@" + domain);

        long started = System.nanoTime();
        api.hardBounce("pat@" + domain);
        var took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(took).as("the second bounce forms the cluster; ingestion must not wait on DNS")
                .isLessThan(Duration.ofMillis(1000));
        String failure = null;
        for (int i = 0; i < 100 && failure == null; i++) {
            Thread.sleep(50);
            failure = jdbc.sql("select failure from domain_mx where domain = ?").param(domain)
                    .query(String.class).optional().orElse(null);
        }
        assertThat(failure).isEqualTo("no answer within 2s for MX " + domain + ".");
    }

    private JsonNode diagnosis(String domain) {
        MvcTestResult result = mvc.get().uri("/domains/{domain}/diagnosis", domain).exchange();
        OpenApiContract.assertMatches("GET", "/domains/{domain}/diagnosis", result);
        assertThat(result).hasStatusOk();
        return Api.body(result);
    }

    static JsonNode finding(JsonNode diagnosis, String rule) {
        return diagnosis.get("findings").valueStream().filter(f -> f.get("rule").stringValue().equals(rule))
                .findFirst().orElseThrow(() -> new AssertionError("no finding " + rule + " in " + diagnosis.get("findings")));
    }

    static java.util.List<String> rules(JsonNode diagnosis) {
        return diagnosis.get("findings").valueStream().map(f -> f.get("rule").stringValue()).toList();
    }

    static java.util.List<String> topics(JsonNode diagnosis) {
        return diagnosis.get("questions").valueStream().map(q -> q.get("topic").stringValue()).toList();
    }

    static String bounce(String address, int code, String enhanced, String diagnostic, String reportingMta) {
        return """
                {"recipient": "%s", "smtpCode": %d, "enhancedCode": "%s", "diagnostic": %s, "reportingMta": %s,
                 "messageId": "<m-%s@sender.example>"}
                """.formatted(address, code, enhanced, quote(diagnostic), reportingMta == null ? "null" : quote(reportingMta),
                UUID.randomUUID());
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
