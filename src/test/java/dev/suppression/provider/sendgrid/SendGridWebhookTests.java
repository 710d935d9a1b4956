package dev.suppression.provider.sendgrid;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import dev.suppression.support.TestProviderKeys;
import dev.suppression.support.Webhooks;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class SendGridWebhookTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String domain;
    String id;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        domain = uniqueDomain("sendgrid");
        id = UUID.randomUUID().toString();
    }

    @Test
    void aMixedBatchFollowsTheSameRulesAsTheGenericEndpoint() {
        var result = post(mixedBatch(), Instant.now());

        assertThat(result).hasStatusOk();
        var body = Api.body(result);
        assertThat(body.get("accepted").intValue()).isEqualTo(5);
        assertThat(body.get("counted").intValue()).isEqualTo(3);
        assertThat(body.get("rejected").intValue()).isEqualTo(1);
        assertThat(body.get("eventsByType").get("bounce").intValue()).isEqualTo(4);
        assertThat(body.get("rejections").get(0).get("eventId").stringValue()).isEqualTo("sendgrid:" + id + "-broken");

        var hard = api.check("hard@" + domain);
        assertThat(hard.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(hard.get("suppression").get("classification").stringValue()).isEqualTo("USER_UNKNOWN");
        assertThat(hard.get("suppression").get("lastResponse").stringValue()).contains("does not exist");
        assertThat(api.check("soft@" + domain).get("verdict").stringValue()).as("mailbox full").isEqualTo("ALLOW");
        assertThat(api.check("blocked@" + domain).get("verdict").stringValue()).as("policy block").isEqualTo("ALLOW");
        assertThat(api.check("dropped@" + domain).get("verdict").stringValue())
                .as("SendGrid's own list: origin sender").isEqualTo("ALLOW");
        var complaint = api.check("complainer@" + domain);
        assertThat(complaint.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(complaint.get("suppression").get("reason").stringValue()).isEqualTo("COMPLAINT");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).as("only the hard bounce counts").isEqualTo(1);
    }

    @Test
    void deliveredAndProcessedAreCountedPerDay() {
        post(mixedBatch(), Instant.now());

        var delivered = jdbc.sql("""
                select coalesce(sum(count), 0) from delivery_stat
                where provider = 'sendgrid' and event_type = 'delivered' and day = current_date
                """).query(Long.class).single();
        assertThat(delivered).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theRawEventIsKeptAsEvidence() {
        post(mixedBatch(), Instant.now());

        var bounce = api.history("hard@" + domain).get("entries").get(0);
        assertThat(bounce.get("type").stringValue()).isEqualTo("BOUNCE");
        assertThat(bounce.get("source").stringValue()).isEqualTo("sendgrid");
        assertThat(bounce.get("eventId").stringValue()).isEqualTo("sendgrid:" + id + "-bounce");
        assertThat(bounce.get("raw").stringValue()).contains("\"bounce_classification\":\"Invalid Address\"");
    }

    @Test
    void aTimestampNoClockCanHoldStillSuppressesAtTheTimeOfReceipt() {
        var payload = """
                [{"email": "far-future@%s", "timestamp": 9223372036854775807, "event": "bounce", "type": "bounce",
                  "status": "5.1.1", "reason": "550 5.1.1 User unknown", "sg_event_id": "%s-far"}]
                """.formatted(domain, id);

        var answer = post(payload, Instant.now());

        assertThat(answer).hasStatusOk();
        assertThat(api.check("far-future@" + domain).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        var occurredAt = Instant.parse(api.history("far-future@" + domain).get("entries").get(0).get("at").stringValue());
        assertThat(occurredAt).isBetween(Instant.now().minusSeconds(60), Instant.now());
    }

    @Test
    void aRepeatedDeliveryOfTheSameEventsChangesNothing() {
        var payload = mixedBatch();
        post(payload, Instant.now());

        var again = Api.body(post(payload, Instant.now()));

        assertThat(again.get("accepted").intValue()).isZero();
        assertThat(again.get("duplicates").intValue()).isEqualTo(5);
        assertThat(jdbc.sql("select count(*) from bounce_event where event_id = ?").param("sendgrid:" + id + "-bounce")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aForgedSignatureIsRefusedAndNothingIsStored() {
        var payload = mixedBatch();
        var timestamp = String.valueOf(Instant.now().getEpochSecond());
        var signature = sign(timestamp, payload.replace("hard@", "other@"));

        var result = mvc.post().uri("/webhooks/sendgrid").contentType(MediaType.APPLICATION_JSON).content(payload)
                .header(SendGridWebhook.SIGNATURE, signature).header(SendGridWebhook.TIMESTAMP, timestamp).exchange();

        assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.check("hard@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
    }

    @Test
    void aMissingSignatureIsRefused() {
        var result = mvc.post().uri("/webhooks/sendgrid").contentType(MediaType.APPLICATION_JSON)
                .content(mixedBatch()).exchange();

        assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anOldSignedTimestampIsRefusedAsAReplay() {
        var result = post(mixedBatch(), Instant.now().minusSeconds(3600));

        assertThat(result).hasStatus(401);
        assertThat(Api.body(result).get("detail").stringValue()).contains("replay");
        assertThat(api.check("hard@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
    }

    @Test
    void fiveHardBouncesAtOneDomainPauseItAsThroughTheGenericEndpoint() {
        var events = new StringBuilder("[");
        for (int i = 0; i < 5; i++) {
            events.append(i == 0 ? "" : ",").append("""
                    {"email": "u%d@%s", "timestamp": %d, "event": "bounce", "type": "bounce", "sg_event_id": "%s-%d",
                     "reason": "550 5.1.1 <u%d@%s>: Recipient address rejected: User unknown in virtual mailbox table"}
                    """.formatted(i, domain, Instant.now().getEpochSecond(), id, i, i, domain));
        }
        events.append("]");

        assertThat(post(events.toString(), Instant.now())).hasStatusOk();

        assertThat(api.domain(domain).get("paused").booleanValue()).isTrue();
    }

    @Test
    void aBodyThatIsNotAnArrayIsABadRequest() {
        var result = post("{\"event\": \"bounce\"}", Instant.now());

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anUnknownProviderIsNotFound() {
        var result = mvc.post().uri("/webhooks/carrier-pigeon").contentType(MediaType.APPLICATION_JSON)
                .content("[]").exchange();

        assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String mixedBatch() {
        return Webhooks.fixture("sendgrid", "mixed-batch.json", "hard", "hard@" + domain, "soft", "soft@" + domain,
                "blocked", "blocked@" + domain, "dropped", "dropped@" + domain, "complainer", "complainer@" + domain,
                "delivered", "delivered@" + domain, "ts", String.valueOf(Instant.now().getEpochSecond()), "id", id);
    }

    private MvcTestResult post(String payload, Instant signedAt) {
        var timestamp = String.valueOf(signedAt.getEpochSecond());
        return mvc.post().uri("/webhooks/sendgrid").contentType(MediaType.APPLICATION_JSON).content(payload)
                .header(SendGridWebhook.SIGNATURE, sign(timestamp, payload))
                .header(SendGridWebhook.TIMESTAMP, timestamp).exchange();
    }

    /** Signs exactly as SendGrid does: ECDSA P-256 / SHA-256 over the timestamp followed by the raw body. */
    static String sign(String timestamp, String payload) {
        try {
            var key = KeyFactory.getInstance("EC").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(TestProviderKeys.SENDGRID_PRIVATE_KEY)));
            var signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(key);
            signer.update(timestamp.getBytes(StandardCharsets.UTF_8));
            signer.update(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
