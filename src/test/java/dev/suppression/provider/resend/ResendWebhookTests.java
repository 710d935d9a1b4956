package dev.suppression.provider.resend;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import dev.suppression.support.TestProviderKeys;
import dev.suppression.support.Webhooks;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Date;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

@IntegrationTest
class ResendWebhookTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String domain;
    String sendingDomain;
    String svixId;
    String emailId;
    Instant createdAt;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        domain = uniqueDomain("resend");
        sendingDomain = uniqueDomain("resend-sender");
        svixId = newSvixId();
        emailId = UUID.randomUUID().toString();
        createdAt = Instant.now().minusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    void aPermanentBounceWithTheServersResponseSuppressesAndCountsTowardTheDomain() {
        var result = post(fixture("bounced.json", "alice@" + domain));

        assertThat(result).hasStatusOk();
        var body = Api.body(result);
        assertThat(body.get("accepted").intValue()).isEqualTo(1);
        assertThat(body.get("eventsByType").get("bounced").intValue()).isEqualTo(1);
        var check = api.check("alice@" + domain);
        assertThat(check.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(check.get("suppression").get("reason").stringValue()).isEqualTo("HARD_BOUNCE");
        assertThat(check.get("suppression").get("classification").stringValue()).isEqualTo("USER_UNKNOWN");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isEqualTo(1);
    }

    @Test
    void theEvidenceKeepsTheSmtpResponseTheEmailIdTheTimeAndTheRawEvent() {
        post(fixture("bounced.json", "alice@" + domain));

        var bounce = api.history("alice@" + domain).get("entries").get(0);
        assertThat(bounce.get("type").stringValue()).isEqualTo("BOUNCE");
        assertThat(bounce.get("source").stringValue()).isEqualTo("resend");
        assertThat(bounce.get("response").stringValue()).isEqualTo("550 5.1.1 <alice@" + domain
                + ">: Recipient address rejected: User unknown in virtual mailbox table");
        assertThat(bounce.get("messageId").stringValue()).isEqualTo(emailId);
        assertThat(Instant.parse(bounce.get("at").stringValue())).isEqualTo(createdAt);
        assertThat(bounce.get("eventId").stringValue()).isEqualTo("resend:" + svixId + "/alice@" + domain);
        assertThat(bounce.get("raw").stringValue()).contains("\"template_id\"", "\"subType\":\"General\"");
    }

    @Test
    void aPermanentBounceWithoutACodeIsClassifiedFromItsMessageAlone() {
        post(fixture("bounced-without-diagnostic-code.json", "vague@" + domain));

        var bounce = api.history("vague@" + domain).get("entries").get(0);
        assertThat(bounce.get("classification").stringValue())
                .as("Resend's generic hard-bounce sentence names no code and no cause").isEqualTo("UNDETERMINED");
        assertThat(bounce.get("response").stringValue()).as("Resend's advice to the sender is not the diagnostic")
                .isEqualTo("The recipient's email provider sent a hard bounce message, but didn't specify the reason "
                        + "for the hard bounce.");
        assertThat(bounce.get("raw").stringValue()).contains("your reputation as a sender");
        assertThat(api.check("vague@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
    }

    @Test
    void aPermanentBounceWithoutACodeIsSuppressedWhenItsMessageNamesAnUnknownMailbox() {
        var payload = fixture("bounced-without-diagnostic-code.json", "gone@" + domain)
                .replaceFirst("\"message\": \"[^\"]*\"", "\"message\": \"Mailbox does not exist\"");

        post(payload);

        var check = api.check("gone@" + domain);
        assertThat(check.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(check.get("suppression").get("classification").stringValue()).isEqualTo("USER_UNKNOWN");
    }

    @Test
    void aTransientBounceForAFullMailboxDoesNotSuppress() {
        post(fixture("bounced-mailbox-full.json", "full@" + domain));

        assertThat(api.check("full@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        var bounce = api.history("full@" + domain).get("entries").get(0);
        assertThat(bounce.get("classification").stringValue()).isEqualTo("MAILBOX_FULL");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isZero();
    }

    @Test
    void aPolicyBlockNeverSuppressesEvenWhenResendCallsItPermanent() {
        post(fixture("bounced-policy-block.json", "blocked@" + domain));

        assertThat(api.check("blocked@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        var bounce = api.history("blocked@" + domain).get("entries").get(0);
        assertThat(bounce.get("classification").stringValue()).isEqualTo("POLICY");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isZero();
    }

    @Test
    void aBounceFromResendsOwnSuppressionListIsEvidenceOnly() {
        var result = post(fixture("bounced-suppressed.json", "listed@" + domain));

        assertThat(Api.body(result).get("accepted").intValue()).isEqualTo(1);
        assertThat(api.check("listed@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        var bounce = api.history("listed@" + domain).get("entries").get(0);
        assertThat(bounce.get("origin").stringValue()).isEqualTo("sender");
        assertThat(bounce.get("response").stringValue()).isEqualTo("Resend suppressed sending (Suppressed): The "
                + "recipient's email address is on the suppression list because it has a history of producing hard bounces.");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isZero();
    }

    @Test
    void aBounceWhoseMessageSaysResendSuppressedSendingIsEvidenceOnly() {
        var payload = fixture("bounced-suppressed.json", "listed@" + domain)
                .replace("\"Suppressed\"", "\"General\"")
                .replace("The recipient's email address is on the suppression list because it has a history of "
                        + "producing hard bounces.", "Resend has suppressed sending to this address because it has "
                        + "previously hard bounced.");

        post(payload);

        assertThat(api.check("listed@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(api.history("listed@" + domain).get("entries").get(0).get("origin").stringValue()).isEqualTo("sender");
    }

    @Test
    void anEmailSuppressedEventIsEvidenceOnly() {
        var result = post(fixture("suppressed.json", "listed@" + domain));

        assertThat(result).hasStatusOk();
        assertThat(Api.body(result).get("eventsByType").get("suppressed").intValue()).isEqualTo(1);
        assertThat(api.check("listed@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        var bounce = api.history("listed@" + domain).get("entries").get(0);
        assertThat(bounce.get("origin").stringValue()).isEqualTo("sender");
        assertThat(bounce.get("response").stringValue()).startsWith("Resend suppressed sending (OnAccountSuppressionList)");
    }

    @Test
    void aComplaintSuppressesTheAddressWithReasonComplaint() {
        var result = post(fixture("complained.json", "angry@" + domain));

        assertThat(Api.body(result).get("accepted").intValue()).isEqualTo(1);
        var check = api.check("angry@" + domain);
        assertThat(check.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(check.get("suppression").get("reason").stringValue()).isEqualTo("COMPLAINT");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isZero();
    }

    @Test
    void aDeliveryIsCountedOncePerRecipientPerSendingDomainAndDay() {
        var result = post(fixture("delivered.json", "happy@" + domain));

        assertThat(result).hasStatusOk();
        var body = Api.body(result);
        assertThat(body.get("counted").intValue()).isEqualTo(2);
        assertThat(body.get("eventsByType").get("delivered").intValue()).isEqualTo(2);
        assertThat(count("delivered")).isEqualTo(2);
    }

    @Test
    void fiveHardBouncesAtOneDomainPauseItAsThroughTheGenericEndpoint() {
        for (int i = 0; i < 5; i++) {
            svixId = newSvixId();
            assertThat(post(fixture("bounced.json", "u" + i + "@" + domain))).hasStatusOk();
        }

        var status = api.domain(domain);
        assertThat(status.get("level").stringValue()).isEqualTo("DOMAIN_PATTERN");
        assertThat(status.get("paused").booleanValue()).isTrue();
    }

    @Test
    void aSignatureWithAnotherSecretIsRefusedAndNothingIsStored() {
        var payload = fixture("bounced.json", "alice@" + domain);
        var timestamp = String.valueOf(Instant.now().getEpochSecond());
        var otherSecret = Base64.getEncoder().encodeToString("an entirely different secret".getBytes(StandardCharsets.UTF_8));

        var result = post(payload, svixId, timestamp, "v1," + sign(otherSecret, svixId, timestamp, payload));

        assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.check("alice@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(bounceEvents("alice@" + domain)).isZero();
    }

    @Test
    void aSignatureOverADifferentBodyIsRefused() {
        var signed = fixture("bounced.json", "other@" + domain);
        var sent = fixture("bounced.json", "alice@" + domain);
        var timestamp = String.valueOf(Instant.now().getEpochSecond());

        var result = post(sent, svixId, timestamp, "v1," + sign(secret(), svixId, timestamp, signed));

        assertThat(result).hasStatus(401);
        assertThat(bounceEvents("alice@" + domain)).isZero();
    }

    @Test
    void anyOfTheListedV1SignaturesMayMatch() {
        var payload = fixture("bounced.json", "alice@" + domain);
        var timestamp = String.valueOf(Instant.now().getEpochSecond());
        var rotatedOut = Base64.getEncoder().encodeToString(new byte[32]);

        var result = post(payload, svixId, timestamp, "v1," + rotatedOut + " v2,whatever v1,"
                + sign(secret(), svixId, timestamp, payload));

        assertThat(result).hasStatusOk();
        assertThat(api.check("alice@" + domain).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
    }

    @Test
    void missingSvixHeadersAreRefused() {
        var result = mvc.post().uri("/webhooks/resend").contentType(MediaType.APPLICATION_JSON)
                .content(fixture("bounced.json", "alice@" + domain)).exchange();

        assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void anOldSignedTimestampIsRefusedAsAReplay() {
        var payload = fixture("bounced.json", "alice@" + domain);
        var anHourAgo = String.valueOf(Instant.now().minus(Duration.ofHours(1)).getEpochSecond());

        var result = post(payload, svixId, anHourAgo, "v1," + sign(secret(), svixId, anHourAgo, payload));

        assertThat(result).hasStatus(401);
        assertThat(Api.body(result).get("detail").stringValue()).contains("replay");
        assertThat(api.check("alice@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
    }

    @Test
    void aRetryUnderTheSameSvixIdIsADuplicateStoredOnce() {
        var payload = fixture("bounced.json", "alice@" + domain);
        assertThat(post(payload)).hasStatusOk();

        var retry = post(payload);

        assertThat(retry).hasStatusOk();
        var body = Api.body(retry);
        assertThat(body.get("accepted").intValue()).isZero();
        assertThat(body.get("duplicates").intValue()).isEqualTo(1);
        assertThat(bounceEvents("alice@" + domain)).isEqualTo(1);
    }

    @Test
    void aRetriedDeliveryIsNotCountedTwice() {
        var payload = fixture("delivered.json", "happy@" + domain);
        post(payload);

        var retry = post(payload);

        assertThat(Api.body(retry).get("duplicates").intValue()).isEqualTo(2);
        assertThat(count("delivered")).isEqualTo(2);
    }

    @Test
    void aSignedBodyThatIsNotAResendEventIsABadRequest() {
        var result = post("[\"not\", \"an\", \"event\"]");

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String fixture(String name, String recipient) {
        return Webhooks.fixture("resend", name, "createdAt", createdAt.toString(), "emailId", emailId,
                "recipient", recipient, "secondRecipient", "second-" + recipient, "sendingDomain", sendingDomain);
    }

    /** Posts as Svix delivers: signed now, under this test's message id. */
    private MvcTestResult post(String payload) {
        var timestamp = String.valueOf(Instant.now().getEpochSecond());
        return post(payload, svixId, timestamp, "v1," + sign(secret(), svixId, timestamp, payload));
    }

    private MvcTestResult post(String payload, String id, String timestamp, String signature) {
        return mvc.post().uri("/webhooks/resend").contentType(MediaType.APPLICATION_JSON).content(payload)
                .header(ResendWebhook.ID, id).header(ResendWebhook.TIMESTAMP, timestamp)
                .header(ResendWebhook.SIGNATURE, signature).exchange();
    }

    private static String secret() {
        return TestProviderKeys.RESEND_SIGNING_SECRET.substring("whsec_".length());
    }

    /** Signs exactly as Svix does: base64 HMAC-SHA256 of {@code id.timestamp.body} with the decoded secret. */
    static String sign(String base64Secret, String id, String timestamp, String payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Secret), "HmacSHA256"));
            var content = id + "." + timestamp + "." + payload;
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Svix message ids: {@code msg_} and a KSUID-like suffix. */
    private static String newSvixId() {
        return "msg_" + UUID.randomUUID().toString().replace("-", "").substring(0, 27);
    }

    private int bounceEvents(String recipient) {
        return jdbc.sql("select count(*) from bounce_event where recipient = ?").param(recipient)
                .query(Integer.class).single();
    }

    private long count(String eventType) {
        return jdbc.sql("""
                select coalesce(sum(count), 0) from delivery_stat
                where provider = 'resend' and sending_domain = ? and event_type = ? and day = ?
                """).params(sendingDomain, eventType, Date.valueOf(createdAt.atOffset(ZoneOffset.UTC).toLocalDate()))
                .query(Long.class).single();
    }
}
