package dev.suppression.provider.sparkpost;

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
import java.util.UUID;
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
class SparkPostWebhookTests {

    static final String USER_UNKNOWN = "550 5.1.1 <%s>: Recipient address rejected: User unknown";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WebApplicationContext context;

    Api api;
    String domain;
    String sendingDomain;
    String id;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        domain = uniqueDomain("sparkpost");
        sendingDomain = uniqueDomain("sparkpost-sender");
        id = UUID.randomUUID().toString();
    }

    @Test
    void aMixedBatchFollowsTheSameRulesAsTheGenericEndpoint() {
        var body = accepted(post(mixedBatch()));

        assertThat(body.get("accepted").intValue()).as("hard, full, block, suppressed, complaint").isEqualTo(5);
        assertThat(body.get("counted").intValue()).as("injection, delivery, open, delay").isEqualTo(4);
        assertThat(body.get("rejected").intValue()).isEqualTo(1);
        assertThat(body.get("rejections").get(0).get("eventId").stringValue()).isEqualTo("sparkpost:" + id + "-broken");
        var byType = body.get("eventsByType");
        assertThat(byType.get("bounce").intValue()).isEqualTo(4);
        assertThat(byType.get("policy_rejection").intValue()).isEqualTo(1);
        assertThat(byType.get("spam_complaint").intValue()).isEqualTo(1);
        assertThat(byType.get("delivered").intValue()).isEqualTo(1);
        assertThat(byType.get("processed").intValue()).isEqualTo(1);

        var hard = api.check("hard@" + domain);
        assertThat(hard.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(hard.get("suppression").get("classification").stringValue()).isEqualTo("USER_UNKNOWN");
        assertThat(hard.get("suppression").get("lastResponse").stringValue()).contains("User unknown");
        assertThat(api.check("full@" + domain).get("verdict").stringValue()).as("mailbox full").isEqualTo("ALLOW");
        assertThat(api.check("blocked@" + domain).get("verdict").stringValue()).as("mail block").isEqualTo("ALLOW");
        assertThat(api.check("suppressed@" + domain).get("verdict").stringValue())
                .as("SparkPost's own list: origin sender").isEqualTo("ALLOW");
        assertThat(api.check("delayed@" + domain).get("verdict").stringValue()).as("a delay").isEqualTo("ALLOW");
        var complaint = api.check("complainer@" + domain);
        assertThat(complaint.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(complaint.get("suppression").get("reason").stringValue()).isEqualTo("COMPLAINT");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).as("only the hard bounce counts").isEqualTo(1);
    }

    @Test
    void anInvalidRecipientSuppressesTheAddressAndCountsTowardItsDomain() {
        accepted(post(bounce("bounce", 10, 550, USER_UNKNOWN.formatted("gone@" + domain), "gone@" + domain, "gone")));

        var check = api.check("gone@" + domain);
        assertThat(check.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(check.get("suppression").get("reason").stringValue()).isEqualTo("HARD_BOUNCE");
        assertThat(check.get("suppression").get("classification").stringValue()).isEqualTo("USER_UNKNOWN");
        assertThat(check.get("suppression").get("rejectingHost").stringValue()).isEqualTo("18.236.253.72");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isEqualTo(1);
    }

    @Test
    void anInvalidRecipientWhoseResponseCarriesNoCodeReadsAsAnUnknownUser() {
        accepted(post(bounce("out_of_band", 10, 550, "Requested action not taken", "late@" + domain, "late")));

        assertThat(api.check("late@" + domain).get("suppression").get("classification").stringValue())
                .isEqualTo("USER_UNKNOWN");
        assertThat(bounceOf("late@" + domain).get("enhancedCode").stringValue()).isEqualTo("5.1.1");
    }

    @Test
    void fiveDistinctHardBouncesAtOneDomainPauseIt() {
        for (int i = 0; i < 5; i++) {
            var address = "u" + i + "@" + domain;
            accepted(post(bounce(i % 2 == 0 ? "bounce" : "out_of_band", i < 4 ? 10 : 30, 550,
                    USER_UNKNOWN.formatted(address), address, "u" + i)));
        }

        var status = api.domain(domain);
        assertThat(status.get("distinctAddresses").intValue()).isEqualTo(5);
        assertThat(status.get("level").stringValue()).isEqualTo("DOMAIN_PATTERN");
        assertThat(status.get("paused").booleanValue()).isTrue();
    }

    @Test
    void softBouncesAreNeverSuppressedEvenWhenTheResponseReadsLikeAHardOne() {
        accepted(post(bounce("bounce", 22, 552, "552 5.2.2 Mailbox full", "full@" + domain, "full")));
        accepted(post(bounce("bounce", 20, 550, USER_UNKNOWN.formatted("odd@" + domain), "odd@" + domain, "odd")));

        assertThat(api.check("full@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(bounceOf("full@" + domain).get("classification").stringValue()).isEqualTo("MAILBOX_FULL");
        assertThat(api.check("odd@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(bounceOf("odd@" + domain).get("classification").stringValue()).isEqualTo("TRANSIENT");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isZero();
    }

    @Test
    void aDnsFailureIsARoutingFailureAndNotSuppressed() {
        accepted(post(bounce("bounce", 21, 554,
                "554 5.4.7 [internal] message timeout (last transfail: 454 4.4.4 [internal] no MX or A for domain)",
                "nomx@" + domain, "nomx")));

        assertThat(api.check("nomx@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(bounceOf("nomx@" + domain).get("classification").stringValue()).isEqualTo("ROUTING");
    }

    @Test
    void blockClassesArePolicyBlocksAndNeverSuppress() {
        for (int bounceClass = 50; bounceClass <= 54; bounceClass++) {
            var address = "block" + bounceClass + "@" + domain;
            accepted(post(bounce("bounce", bounceClass, 554, "554 5.1.1 <" + address + ">: Recipient address rejected",
                    address, "block" + bounceClass)));

            assertThat(api.check(address).get("verdict").stringValue()).as(address).isEqualTo("ALLOW");
            assertThat(bounceOf(address).get("classification").stringValue()).as(address).isEqualTo("POLICY");
        }
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isZero();
    }

    @Test
    void anAdminFailureIsSparkPostsOwnListAndEvidenceOnly() {
        accepted(post(bounce("bounce", 25, 554, "554 5.7.1 recipient address suppressed due to customer policy",
                "listed@" + domain, "listed")));

        assertThat(api.check("listed@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        var evidence = bounceOf("listed@" + domain);
        assertThat(evidence.get("origin").stringValue()).isEqualTo("sender");
        assertThat(evidence.get("source").stringValue()).isEqualTo("sparkpost");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isZero();
    }

    @Test
    void deliveriesAndInjectionsAreCountedForTheSendingDomainPerDay() {
        accepted(post(mixedBatch()));

        assertThat(count("delivered")).isEqualTo(1);
        assertThat(count("processed")).isEqualTo(1);
        assertThat(count("open")).isEqualTo(1);
        assertThat(count("delay")).isEqualTo(1);
    }

    @Test
    void theRawEntryIsKeptAsEvidence() {
        accepted(post(mixedBatch()));

        var evidence = bounceOf("hard@" + domain);
        assertThat(evidence.get("eventId").stringValue()).isEqualTo("sparkpost:" + id + "-hard");
        assertThat(evidence.get("smtpCode").intValue()).isEqualTo(550);
        assertThat(evidence.get("raw").stringValue()).contains("\"bounce_class\":\"10\"", "\"cust\":{\"id\":\"00000\"}");
    }

    @Test
    void sparkPostsTestPingIsAcknowledged() {
        var empty = accepted(post("[]"));
        var ping = accepted(post("[ { \"msys\": {} } ]"));

        assertThat(empty.get("accepted").intValue()).isZero();
        assertThat(ping.get("accepted").intValue()).isZero();
        assertThat(ping.get("rejected").intValue()).isZero();
    }

    @Test
    void aRetriedBatchIsRecognisedByItsBatchIdAndChangesNothing() {
        var payload = mixedBatch();
        var batchId = UUID.randomUUID().toString();
        accepted(post(payload, batchId));

        var again = accepted(post(payload, batchId));

        assertThat(again.get("accepted").intValue()).isZero();
        assertThat(again.get("duplicates").intValue()).isEqualTo(10);
        assertThat(count("delivered")).as("not counted twice").isEqualTo(1);
        assertThat(storedBounces(id + "-hard")).isEqualTo(1);
    }

    @Test
    void eventsDeliveredAgainInANewBatchAreDuplicatesByEventId() {
        var payload = mixedBatch();
        accepted(post(payload, UUID.randomUUID().toString()));

        var again = accepted(post(payload, UUID.randomUUID().toString()));

        assertThat(again.get("accepted").intValue()).isZero();
        assertThat(again.get("duplicates").intValue()).as("the bounces and the complaint").isEqualTo(5);
        assertThat(storedBounces(id + "-hard")).isEqualTo(1);
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isEqualTo(1);
    }

    @Test
    void wrongCredentialsAreRefusedAndNothingIsStored() {
        var result = post(mixedBatch(), basic(TestProviderKeys.SPARKPOST_USERNAME, "not-the-password"), null);

        assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.check("hard@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(storedBounces(id + "-hard")).isZero();
        assertThat(count("delivered")).isZero();
    }

    @Test
    void missingCredentialsAreRefused() {
        var withoutAnyHeader = MockMvcTester.from(context, builder -> builder.apply(springSecurity()).build());

        var result = withoutAnyHeader.post().uri("/webhooks/sparkpost").contentType(MediaType.APPLICATION_JSON)
                .content(mixedBatch()).exchange();

        assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(storedBounces(id + "-hard")).isZero();
    }

    @Test
    void anApiKeyIsNoSparkPostCredential() {
        var result = post(mixedBatch(), "Bearer " + TestKeys.ADMIN, null);

        assertThat(result).hasStatus(401);
    }

    @Test
    void aBodyThatIsNotAnArrayIsABadRequest() {
        var result = post("{\"msys\": {}}");

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String mixedBatch() {
        return Webhooks.fixture("sparkpost", "mixed-batch.json", "hard", "hard@" + domain, "soft", "full@" + domain,
                "blocked", "blocked@" + domain, "suppressed", "suppressed@" + domain,
                "complainer", "complainer@" + domain, "delayed", "delayed@" + domain,
                "delivered", "reader@" + domain, "domain", domain, "from", "news@" + sendingDomain,
                "ts", String.valueOf(Instant.now().getEpochSecond()), "id", id);
    }

    private String bounce(String type, int bounceClass, int errorCode, String reason, String recipient, String eventId) {
        return Webhooks.fixture("sparkpost", "bounce.json", "type", type, "class", String.valueOf(bounceClass),
                "code", String.valueOf(errorCode), "reason", reason, "rcpt", recipient, "domain", domain,
                "id", id + "-" + eventId, "ts", String.valueOf(Instant.now().getEpochSecond()));
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

    private long count(String type) {
        return jdbc.sql("""
                select coalesce(sum(count), 0) from delivery_stat
                where provider = 'sparkpost' and sending_domain = ? and event_type = ? and day = current_date
                """).params(sendingDomain, type).query(Long.class).single();
    }

    private int storedBounces(String eventId) {
        return jdbc.sql("select count(*) from bounce_event where event_id = ?").param("sparkpost:" + eventId)
                .query(Integer.class).single();
    }

    private MvcTestResult post(String payload) {
        return post(payload, UUID.randomUUID().toString());
    }

    private MvcTestResult post(String payload, String batchId) {
        return post(payload, basic(TestProviderKeys.SPARKPOST_USERNAME, TestProviderKeys.SPARKPOST_PASSWORD), batchId);
    }

    private MvcTestResult post(String payload, String authorization, String batchId) {
        var request = mvc.post().uri("/webhooks/sparkpost").contentType(MediaType.APPLICATION_JSON).content(payload)
                .header(HttpHeaders.AUTHORIZATION, authorization);
        if (batchId != null) {
            request = request.header(SparkPostWebhook.BATCH_ID, batchId);
        }
        return request.exchange();
    }

    private static JsonNode accepted(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        return Api.body(result);
    }

    /** The header SparkPost sends for a webhook created with authentication type "Basic Auth". */
    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
