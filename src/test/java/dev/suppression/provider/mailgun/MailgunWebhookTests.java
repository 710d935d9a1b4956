package dev.suppression.provider.mailgun;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import dev.suppression.support.TestProviderKeys;
import dev.suppression.support.Webhooks;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
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
class MailgunWebhookTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;
    String domain;
    String sendingDomain;
    String id;
    Instant eventTime;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        domain = uniqueDomain("mailgun");
        sendingDomain = uniqueDomain("mg-sender");
        // Mailgun's own event ids: 22 url-safe characters, unique only within a day.
        id = UUID.randomUUID().toString().replace("-", "").substring(0, 22);
        eventTime = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MICROS);
    }

    @Test
    void aPermanentFailureFromTheReceivingServerSuppressesAndCountsTowardTheDomain() {
        var result = post(webhook("permanent-failure.json", "alice@" + domain));

        assertThat(result).hasStatusOk();
        var body = Api.body(result);
        assertThat(body.get("accepted").intValue()).isEqualTo(1);
        assertThat(body.get("eventsByType").get("failed").intValue()).isEqualTo(1);
        var check = api.check("alice@" + domain);
        assertThat(check.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(check.get("suppression").get("reason").stringValue()).isEqualTo("HARD_BOUNCE");
        assertThat(check.get("suppression").get("classification").stringValue()).isEqualTo("USER_UNKNOWN");
        assertThat(check.get("suppression").get("lastResponse").stringValue()).contains("does not exist");
        assertThat(check.get("suppression").get("rejectingHost").stringValue()).isEqualTo("mx." + domain);
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isEqualTo(1);
    }

    @Test
    void theEvidenceKeepsTheCodesTheMessageIdTheTimeAndTheRawEvent() {
        post(webhook("permanent-failure.json", "alice@" + domain));

        var bounce = api.history("alice@" + domain).get("entries").get(0);
        assertThat(bounce.get("type").stringValue()).isEqualTo("BOUNCE");
        assertThat(bounce.get("source").stringValue()).isEqualTo("mailgun");
        assertThat(bounce.get("smtpCode").intValue()).isEqualTo(550);
        assertThat(bounce.get("enhancedCode").stringValue()).isEqualTo("5.1.1");
        assertThat(bounce.get("messageId").stringValue()).isEqualTo("20130503182626.18666.16540@" + sendingDomain);
        assertThat(Instant.parse(bounce.get("at").stringValue())).isEqualTo(eventTime);
        assertThat(bounce.get("eventId").stringValue())
                .isEqualTo("mailgun:" + id + "@" + new BigDecimal(seconds(eventTime)).stripTrailingZeros().toPlainString());
        assertThat(bounce.get("raw").stringValue()).contains("\"user-variables\"").doesNotContain("\"signature\"");
    }

    @Test
    void aTemporaryFailureIsADeferralThatIsCountedAndNeverABounce() {
        var result = post(webhook("temporary-failure.json", "full@" + domain));

        assertThat(result).hasStatusOk();
        var body = Api.body(result);
        assertThat(body.get("accepted").intValue()).isZero();
        assertThat(body.get("counted").intValue()).isEqualTo(1);
        assertThat(body.get("eventsByType").get("deferred").intValue()).isEqualTo(1);
        assertThat(api.check("full@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(bounceEvents("full@" + domain)).isZero();
        assertThat(count("deferred")).isEqualTo(1);
    }

    @Test
    void aPolicyBlockIsRecordedButNeverSuppresses() {
        post(webhook("policy-block.json", "blocked@" + domain));

        assertThat(api.check("blocked@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        var bounce = api.history("blocked@" + domain).get("entries").get(0);
        assertThat(bounce.get("classification").stringValue()).isEqualTo("POLICY");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isZero();
    }

    @Test
    void mailgunRefusingAnAddressOnItsOwnBounceListIsEvidenceOnly() {
        var result = post(webhook("suppress-bounce.json", "old@" + domain));

        assertThat(result).hasStatusOk();
        assertThat(Api.body(result).get("accepted").intValue()).isEqualTo(1);
        assertThat(api.check("old@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        var bounce = api.history("old@" + domain).get("entries").get(0);
        assertThat(bounce.get("origin").stringValue()).isEqualTo("sender");
        assertThat(bounce.get("response").stringValue())
                .isEqualTo("Mailgun refused to send (suppress-bounce): Not delivering to previously bounced address");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isZero();
    }

    @Test
    void aComplaintSuppressesTheAddressWithReasonComplaint() {
        var result = post(webhook("complained.json", "angry@" + domain));

        assertThat(result).hasStatusOk();
        assertThat(Api.body(result).get("accepted").intValue()).isEqualTo(1);
        var check = api.check("angry@" + domain);
        assertThat(check.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(check.get("suppression").get("reason").stringValue()).isEqualTo("COMPLAINT");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isZero();
    }

    @Test
    void aDeliveryIsCountedPerSendingDomainAndDay() {
        var result = post(webhook("delivered.json", "happy@" + domain));

        assertThat(result).hasStatusOk();
        assertThat(Api.body(result).get("counted").intValue()).isEqualTo(1);
        assertThat(count("delivered")).isEqualTo(1);
        assertThat(api.check("happy@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
    }

    @Test
    void fiveHardBouncesAtOneDomainPauseItAsThroughTheGenericEndpoint() {
        for (int i = 0; i < 5; i++) {
            id = "evt-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(post(webhook("permanent-failure.json", "u" + i + "@" + domain))).hasStatusOk();
        }

        var status = api.domain(domain);
        assertThat(status.get("level").stringValue()).isEqualTo("DOMAIN_PATTERN");
        assertThat(status.get("paused").booleanValue()).isTrue();
    }

    @Test
    void aForgedSignatureIsRefusedAndNothingIsStored() {
        var token = token();
        var timestamp = String.valueOf(Instant.now().getEpochSecond());
        var forged = sign("not-the-signing-key", timestamp, token);

        var result = post(webhook("permanent-failure.json", "alice@" + domain, token, timestamp, forged));

        assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.check("alice@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(bounceEvents("alice@" + domain)).isZero();
        assertThat(receipts(token)).isZero();
    }

    @Test
    void aSignatureOverAnotherTokenIsRefused() {
        var timestamp = String.valueOf(Instant.now().getEpochSecond());
        var signedForOtherToken = sign(TestProviderKeys.MAILGUN_SIGNING_KEY, timestamp, token());

        var result = post(webhook("permanent-failure.json", "alice@" + domain, token(), timestamp, signedForOtherToken));

        assertThat(result).hasStatus(401);
        assertThat(bounceEvents("alice@" + domain)).isZero();
    }

    @Test
    void aBodyWithoutASignatureIsRefused() {
        var unsigned = """
                {"event-data": {"event": "failed", "severity": "permanent", "recipient": "alice@%s",
                 "delivery-status": {"code": 550, "message": "5.1.1 user unknown"}}}
                """.formatted(domain);

        var result = post(unsigned);

        assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(api.check("alice@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
    }

    @Test
    void aTokenSeenBeforeIsRefusedAsAReplay() {
        var payload = webhook("permanent-failure.json", "alice@" + domain);
        assertThat(post(payload)).hasStatusOk();

        var replay = post(payload);

        assertThat(replay).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Api.body(replay).get("detail").stringValue()).contains("replay");
        assertThat(bounceEvents("alice@" + domain)).isEqualTo(1);
    }

    @Test
    void anOldSignedTimestampIsRefusedAsAReplay() {
        var token = token();
        var anHourAgo = String.valueOf(Instant.now().minus(Duration.ofHours(1)).getEpochSecond());

        var result = post(webhook("permanent-failure.json", "alice@" + domain, token, anHourAgo,
                sign(TestProviderKeys.MAILGUN_SIGNING_KEY, anHourAgo, token)));

        assertThat(result).hasStatus(401);
        assertThat(Api.body(result).get("detail").stringValue()).contains("replay");
        assertThat(api.check("alice@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
    }

    @Test
    void theSameEventRedeliveredUnderANewTokenIsADuplicateStoredOnce() {
        assertThat(post(webhook("permanent-failure.json", "alice@" + domain))).hasStatusOk();

        var again = post(webhook("permanent-failure.json", "alice@" + domain));

        assertThat(again).hasStatusOk();
        var body = Api.body(again);
        assertThat(body.get("accepted").intValue()).isZero();
        assertThat(body.get("duplicates").intValue()).isEqualTo(1);
        assertThat(bounceEvents("alice@" + domain)).isEqualTo(1);
    }

    @Test
    void anEventIdIsUniqueOnlyWithinADaySoTheTimestampIsPartOfTheKey() {
        assertThat(post(webhook("permanent-failure.json", "alice@" + domain))).hasStatusOk();
        eventTime = eventTime.minus(Duration.ofDays(1));

        var nextDaysEvent = post(webhook("permanent-failure.json", "alice@" + domain));

        assertThat(Api.body(nextDaysEvent).get("accepted").intValue()).isEqualTo(1);
        assertThat(bounceEvents("alice@" + domain)).isEqualTo(2);
    }

    @Test
    void aSignedBodyWithoutEventDataIsABadRequest() {
        var token = token();
        var timestamp = String.valueOf(Instant.now().getEpochSecond());
        var body = """
                {"signature": {"token": "%s", "timestamp": "%s", "signature": "%s"}}
                """.formatted(token, timestamp, sign(TestProviderKeys.MAILGUN_SIGNING_KEY, timestamp, token));

        var result = post(body);

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    /** A fixture signed now with a fresh token, as Mailgun sends each request. */
    private String webhook(String fixture, String recipient) {
        var token = token();
        var timestamp = String.valueOf(Instant.now().getEpochSecond());
        return webhook(fixture, recipient, token, timestamp, sign(TestProviderKeys.MAILGUN_SIGNING_KEY, timestamp, token));
    }

    private String webhook(String fixture, String recipient, String token, String timestamp, String signature) {
        return Webhooks.fixture("mailgun", fixture, "token", token, "timestamp", timestamp, "signature", signature,
                "id", id, "eventTimestamp", seconds(eventTime), "recipient", recipient,
                "recipientDomain", recipient.substring(recipient.indexOf('@') + 1), "sendingDomain", sendingDomain,
                "mxHost", "mx." + domain);
    }

    private MvcTestResult post(String payload) {
        return mvc.post().uri("/webhooks/mailgun").contentType(MediaType.APPLICATION_JSON).content(payload).exchange();
    }

    /** Mailgun's event timestamps: Unix seconds with microseconds, as a JSON number. */
    private static String seconds(Instant at) {
        return at.getEpochSecond() + "." + "%06d".formatted(at.getNano() / 1_000);
    }

    /** Mailgun's tokens: 50 random hex characters. */
    private static String token() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 50);
    }

    /** Signs exactly as Mailgun does: hex HMAC-SHA256 of timestamp followed by token, with the signing key. */
    static String sign(String key, String timestamp, String token) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + token).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private int bounceEvents(String recipient) {
        return jdbc.sql("select count(*) from bounce_event where recipient = ?").param(recipient)
                .query(Integer.class).single();
    }

    private int receipts(String token) {
        return jdbc.sql("select count(*) from webhook_receipt where provider = 'mailgun' and receipt_id = ?")
                .param(token).query(Integer.class).single();
    }

    private long count(String eventType) {
        return jdbc.sql("""
                select coalesce(sum(count), 0) from delivery_stat
                where provider = 'mailgun' and sending_domain = ? and event_type = ? and day = ?
                """).params(sendingDomain, eventType, Date.valueOf(eventTime.atOffset(ZoneOffset.UTC).toLocalDate()))
                .query(Long.class).single();
    }
}
