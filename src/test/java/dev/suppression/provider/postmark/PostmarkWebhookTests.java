package dev.suppression.provider.postmark;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import dev.suppression.support.TestKeys;
import dev.suppression.support.TestProviderKeys;
import dev.suppression.support.Webhooks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class PostmarkWebhookTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    Api api;
    String domain;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        domain = uniqueDomain("postmark");
    }

    @Test
    void aHardBounceSuppressesTheAddressAndCountsTowardItsDomain() {
        var id = newId();

        var body = accepted(post(fixture("hard-bounce.json", "hard@" + domain, id)));

        assertThat(body.get("accepted").intValue()).isEqualTo(1);
        assertThat(body.get("eventsByType").get("HardBounce").intValue()).isEqualTo(1);
        var check = api.check("hard@" + domain);
        assertThat(check.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(check.get("suppression").get("reason").stringValue()).isEqualTo("HARD_BOUNCE");
        assertThat(check.get("suppression").get("classification").stringValue()).isEqualTo("USER_UNKNOWN");
        assertThat(check.get("suppression").get("lastResponse").stringValue()).contains("does not exist");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isEqualTo(1);
    }

    @Test
    void postmarksOwnTestBounceWithoutAnSmtpCodeReadsAsAnUnknownUser() {
        accepted(post(fixture("test-bounce.json", "test@" + domain, newId())));

        var check = api.check("test@" + domain);
        assertThat(check.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(check.get("suppression").get("classification").stringValue()).isEqualTo("USER_UNKNOWN");
        assertThat(bounceOf("test@" + domain).get("enhancedCode").stringValue()).isEqualTo("5.1.1");
    }

    @Test
    void aHardBounceWhoseResponseIsAPolicyBlockIsNotSuppressed() {
        var payload = fixture("hard-bounce.json", "policy@" + domain, newId()).replace(
                "smtp;550 5.1.1 The email account that you tried to reach does not exist. Please try double-checking "
                        + "the recipient's email address for typos or unnecessary spaces.",
                "smtp;550 5.7.1 Our system has detected that this message is likely unsolicited mail.");

        accepted(post(payload));

        assertThat(api.check("policy@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(bounceOf("policy@" + domain).get("classification").stringValue()).isEqualTo("POLICY");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isZero();
    }

    @Test
    void fiveDistinctHardBouncesAtOneDomainPauseIt() {
        for (int i = 0; i < 5; i++) {
            accepted(post(fixture("hard-bounce.json", "u" + i + "@" + domain, newId())));
        }

        var status = api.domain(domain);
        assertThat(status.get("distinctAddresses").intValue()).isEqualTo(5);
        assertThat(status.get("level").stringValue()).isEqualTo("DOMAIN_PATTERN");
        assertThat(status.get("paused").booleanValue()).isTrue();
    }

    @Test
    void aSoftBounceIsNeverSuppressedEvenWhenItsResponseReadsLikeAHardOne() {
        accepted(post(fixture("soft-bounce.json", "full@" + domain, newId(),
                "details", "smtp;452 4.2.2 The email account that you tried to reach is over quota.")));
        accepted(post(fixture("soft-bounce.json", "odd@" + domain, newId(),
                "details", "smtp;550 5.1.1 <odd@" + domain + ">: Recipient address rejected: User unknown")));

        assertThat(api.check("full@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(api.check("odd@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(bounceOf("odd@" + domain).get("classification").stringValue()).isEqualTo("TRANSIENT");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isZero();
    }

    @Test
    void aDnsErrorIsARoutingFailureAndNotSuppressed() {
        accepted(post(fixture("dns-error.json", "dns@" + domain, newId())));

        assertThat(api.check("dns@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(bounceOf("dns@" + domain).get("classification").stringValue()).isEqualTo("ROUTING");
    }

    @Test
    void anIspBlockADmarcRejectionAndASpamFilterNotificationArePolicyBlocks() {
        accepted(post(blocked("Blocked", 100006, "isp@" + domain)));
        accepted(post(blocked("DMARCPolicy", 100009, "dmarc@" + domain)));
        accepted(post(blocked("SpamNotification", 512, "filtered@" + domain)));

        for (var local : new String[] {"isp", "dmarc", "filtered"}) {
            var address = local + "@" + domain;
            assertThat(api.check(address).get("verdict").stringValue()).as(address).isEqualTo("ALLOW");
            assertThat(bounceOf(address).get("classification").stringValue()).as(address).isEqualTo("POLICY");
        }
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isZero();
    }

    @Test
    void aManuallyDeactivatedAddressIsPostmarksOwnListAndEvidenceOnly() {
        accepted(post(fixture("manually-deactivated.json", "listed@" + domain, newId())));

        assertThat(api.check("listed@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        var bounce = bounceOf("listed@" + domain);
        assertThat(bounce.get("origin").stringValue()).isEqualTo("sender");
        assertThat(bounce.get("source").stringValue()).isEqualTo("postmark");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isZero();
    }

    @Test
    void aSpamComplaintSuppressesTheAddressWithReasonComplaint() {
        var id = newId();

        var body = accepted(post(fixture("spam-complaint.json", "complainer@" + domain, id)));

        assertThat(body.get("eventsByType").get("SpamComplaint").intValue()).isEqualTo(1);
        var check = api.check("complainer@" + domain);
        assertThat(check.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(check.get("suppression").get("reason").stringValue()).isEqualTo("COMPLAINT");
        var complaint = api.history("complainer@" + domain).get("entries").get(0);
        assertThat(complaint.get("type").stringValue()).isEqualTo("COMPLAINT");
        assertThat(complaint.get("eventId").stringValue()).isEqualTo("postmark:" + id);
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).as("complaints are no hard bounces").isZero();
    }

    @Test
    void aDeliveryIsCountedAsDelivered() {
        var before = count("unknown", "delivered");

        var body = accepted(post(fixture("delivery.json", "reader@" + domain, newId())));

        assertThat(body.get("counted").intValue()).isEqualTo(1);
        assertThat(body.get("eventsByType").get("delivered").intValue()).isEqualTo(1);
        assertThat(count("unknown", "delivered")).as("Postmark's delivery record names no sender").isGreaterThan(before);
        assertThat(api.check("reader@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
    }

    @Test
    void anAutoReplyIsNoBounceAndIsCountedForTheSendingDomainInFrom() {
        var sendingDomain = uniqueDomain("postmark-sender");

        var body = accepted(post(fixture("auto-responder.json", "away@" + domain, newId(),
                "from", "news@" + sendingDomain)));

        assertThat(body.get("counted").intValue()).isEqualTo(1);
        assertThat(count(sendingDomain, "AutoResponder")).isEqualTo(1);
        assertThat(api.history("away@" + domain).get("entries")).isEmpty();
    }

    @Test
    void theRawRecordIsKeptAsEvidence() {
        var id = newId();

        accepted(post(fixture("hard-bounce.json", "raw@" + domain, id)));

        var bounce = bounceOf("raw@" + domain);
        assertThat(bounce.get("eventId").stringValue()).isEqualTo("postmark:" + id);
        assertThat(bounce.get("messageId").stringValue()).isEqualTo("883953f4-6105-42a2-a16a-77a8eac79483");
        assertThat(bounce.get("raw").stringValue()).contains("\"MessageStream\":\"outbound\"", "\"Inactive\":true");
    }

    @Test
    void aRepeatedDeliveryOfTheSameBounceChangesNothing() {
        var id = newId();
        var payload = fixture("hard-bounce.json", "twice@" + domain, id);
        accepted(post(payload));

        var again = accepted(post(payload));

        assertThat(again.get("accepted").intValue()).isZero();
        assertThat(again.get("duplicates").intValue()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from bounce_event where event_id = ?").param("postmark:" + id)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isEqualTo(1);
    }

    @Test
    void wrongCredentialsAreRefusedAndNothingIsStored() {
        var id = newId();

        var result = post(fixture("hard-bounce.json", "forged@" + domain, id),
                basic(TestProviderKeys.POSTMARK_USERNAME, "not-the-password"));

        assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.check("forged@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(jdbc.sql("select count(*) from bounce_event where event_id = ?").param("postmark:" + id)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void missingCredentialsAreRefused() {
        var withoutAnyHeader = MockMvcTester.from(context, builder -> builder.apply(springSecurity()).build());

        var result = withoutAnyHeader.post().uri("/webhooks/postmark").contentType(MediaType.APPLICATION_JSON)
                .content(fixture("hard-bounce.json", "anonymous@" + domain, newId())).exchange();

        assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.check("anonymous@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
    }

    @Test
    void anApiKeyIsNoPostmarkCredential() {
        var result = post(fixture("hard-bounce.json", "keyed@" + domain, newId()), "Bearer " + TestKeys.ADMIN);

        assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anotherProvidersCredentialsAreRefused() {
        var result = post(fixture("hard-bounce.json", "other@" + domain, newId()),
                basic(TestProviderKeys.SPARKPOST_USERNAME, TestProviderKeys.SPARKPOST_PASSWORD));

        assertThat(result).hasStatus(401);
    }

    @Test
    void aBodyThatIsNotOneJsonObjectIsABadRequest() {
        var result = post("[" + fixture("hard-bounce.json", "array@" + domain, newId()) + "]");

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String blocked(String type, int typeCode, String email) {
        return fixture("blocked.json", email, newId(), "type", type, "typeCode", String.valueOf(typeCode),
                "name", type, "description", "The message was blocked by the receiving server.");
    }

    private static String fixture(String name, String email, long id, String... more) {
        var keyValues = new String[6 + more.length];
        keyValues[0] = "email";
        keyValues[1] = email;
        keyValues[2] = "id";
        keyValues[3] = String.valueOf(id);
        keyValues[4] = "at";
        keyValues[5] = Instant.now().toString();
        System.arraycopy(more, 0, keyValues, 6, more.length);
        return Webhooks.fixture("postmark", name, keyValues);
    }

    /** Postmark's ids are 64-bit integers; random ones keep tests apart in the shared database. */
    private static long newId() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }

    private JsonNode bounceOf(String address) {
        var entries = api.history(address).get("entries");
        for (var entry : entries) {
            if (entry.get("type").stringValue().equals("BOUNCE")) {
                return entry;
            }
        }
        throw new AssertionError("no bounce in the history of " + address + ": " + entries);
    }

    private long count(String sendingDomain, String type) {
        return jdbc.sql("""
                select coalesce(sum(count), 0) from delivery_stat
                where provider = 'postmark' and sending_domain = ? and event_type = ?
                """).params(sendingDomain, type).query(Long.class).single();
    }

    private MvcTestResult post(String payload) {
        return post(payload, basic(TestProviderKeys.POSTMARK_USERNAME, TestProviderKeys.POSTMARK_PASSWORD));
    }

    private MvcTestResult post(String payload, String authorization) {
        return mvc.post().uri("/webhooks/postmark").contentType(MediaType.APPLICATION_JSON).content(payload)
                .header(HttpHeaders.AUTHORIZATION, authorization).exchange();
    }

    private static JsonNode accepted(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        return Api.body(result);
    }

    /** The header Postmark sends for a webhook URL of the form https://user:password@host/webhooks/postmark. */
    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
