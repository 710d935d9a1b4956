package dev.suppression.provider.ses;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import dev.suppression.support.TestProviderKeys;
import dev.suppression.support.Webhooks;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class SesWebhookTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OfflineSigningCertificates certificates;

    @Autowired
    RecordingSnsSubscriptions subscriptions;

    Api api;
    String domain;
    String jane;
    String mary;
    String senderDomain;
    String feedbackId;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        domain = uniqueDomain("ses");
        jane = "jane@" + domain;
        mary = "mary@" + domain;
        senderDomain = uniqueDomain("ses-sender");
        feedbackId = "0100018" + UUID.randomUUID() + "-000000";
    }

    // --- bounces ---

    @Test
    void aPermanentBounceSuppressesEveryRecipientItNamesAndCountsTowardTheCluster() {
        var result = post(SnsMessages.notification(ses("bounce-with-dsn.json")));

        assertThat(result).hasStatusOk();
        var body = Api.body(result);
        assertThat(body.get("accepted").intValue()).isEqualTo(2);
        assertThat(body.get("eventsByType").get("bounce").intValue()).isEqualTo(2);
        for (var address : new String[] {jane, mary}) {
            var check = api.check(address);
            assertThat(check.get("verdict").stringValue()).as(address).isEqualTo("SUPPRESSED");
            assertThat(check.get("suppression").get("reason").stringValue()).isEqualTo("HARD_BOUNCE");
            assertThat(check.get("suppression").get("classification").stringValue()).isEqualTo("USER_UNKNOWN");
            assertThat(check.get("suppression").get("rejectingHost").stringValue()).isEqualTo("127.0.2.0");
        }
        assertThat(api.check(jane).get("suppression").get("lastResponse").stringValue())
                .isEqualTo("smtp; 550 5.1.1 <" + jane + ">... User");
        var cluster = api.domain(domain);
        assertThat(cluster.get("distinctAddresses").intValue()).isEqualTo(2);
        assertThat(cluster.get("level").stringValue()).isEqualTo("SMALL_CLUSTER");
    }

    @Test
    void eachRecipientIsOneEventKeyedByFeedbackIdAndRecipientWithTheRawNotificationAsEvidence() {
        post(SnsMessages.notification(ses("bounce-with-dsn.json")));

        var bounce = bounceIn(api.history(mary));
        assertThat(bounce.get("eventId").stringValue()).isEqualTo("ses:" + feedbackId + ":" + mary);
        assertThat(bounce.get("source").stringValue()).isEqualTo("ses");
        assertThat(bounce.get("enhancedCode").stringValue()).isEqualTo("5.1.1");
        assertThat(bounce.get("messageId").stringValue()).isEqualTo(sesMessageId());
        assertThat(bounce.get("raw").stringValue()).contains("\"remoteMtaIp\":\"127.0.2.0\"")
                .contains("\"bounceSubType\":\"General\"");
    }

    @Test
    void hardBouncesAtOneDomainPauseItAsThroughTheGenericEndpoint() {
        for (int i = 0; i < 3; i++) {
            var first = "first" + i + "@" + domain;
            var second = "second" + i + "@" + domain;
            var message = Webhooks.fixture("ses", "bounce-with-dsn.json", "recipient", first,
                    "second-recipient", second, "sender", "john@" + senderDomain, "feedback-id", feedbackId + i,
                    "ses-message-id", sesMessageId(), "timestamp", SnsMessages.snsTime(Instant.now()));
            assertThat(post(SnsMessages.notification(message))).hasStatusOk();
        }

        var cluster = api.domain(domain);
        assertThat(cluster.get("distinctAddresses").intValue()).isEqualTo(6);
        assertThat(cluster.get("paused").booleanValue()).isTrue();
    }

    @Test
    void aPermanentBounceWithoutADsnTakesItsMeaningFromTheSubType() {
        var result = post(SnsMessages.notification(ses("bounce-without-dsn.json")));

        assertThat(result).hasStatusOk();
        assertThat(api.check(jane).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(api.check(mary).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        var bounce = bounceIn(api.history(jane));
        assertThat(bounce.get("classification").stringValue()).isEqualTo("USER_UNKNOWN");
        assertThat(bounce.get("enhancedCode").stringValue()).isEqualTo("5.1.1");
        assertThat(bounce.get("response").stringValue())
                .isEqualTo("Amazon SES reported a permanent bounce (General) with no diagnostic from the receiving server");
    }

    @Test
    void aConfigurationSetBounceEventFollowsTheSameRules() {
        var result = post(SnsMessages.notification(ses("event-bounce.json")));

        assertThat(result).hasStatusOk();
        var check = api.check(jane);
        assertThat(check.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(check.get("suppression").get("classification").stringValue()).isEqualTo("USER_UNKNOWN");
        assertThat(check.get("suppression").get("rejectingHost").stringValue()).isEqualTo("mta.example.com");
    }

    @Test
    void aTransientBounceNeverSuppresses() {
        var result = post(SnsMessages.notification(ses("bounce-transient-mailbox-full.json")));

        assertThat(result).hasStatusOk();
        assertThat(Api.body(result).get("accepted").intValue()).isEqualTo(1);
        assertThat(api.check(jane).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(bounceIn(api.history(jane)).get("classification").stringValue()).isEqualTo("MAILBOX_FULL");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isZero();
    }

    @Test
    void aTransientBounceWithAPermanentCodeStillNeverSuppresses() {
        var message = ses("bounce-transient-mailbox-full.json").replace("\"MailboxFull\"", "\"General\"")
                .replace("\"5.2.2\"", "\"5.1.1\"").replace("552 5.2.2", "550 5.1.1");

        assertThat(post(SnsMessages.notification(message))).hasStatusOk();

        assertThat(api.check(jane).get("verdict").stringValue()).isEqualTo("ALLOW");
        var bounce = bounceIn(api.history(jane));
        assertThat(bounce.get("classification").stringValue()).isEqualTo("TRANSIENT");
        assertThat(bounce.get("enhancedCode").stringValue()).isEqualTo("4.1.1");
    }

    @Test
    void aContentRejectionIsAPolicyBlockAndNeverSuppresses() {
        var result = post(SnsMessages.notification(ses("event-bounce-content-rejected.json")));

        assertThat(result).hasStatusOk();
        assertThat(api.check(jane).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(bounceIn(api.history(jane)).get("classification").stringValue()).isEqualTo("POLICY");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isZero();
    }

    @Test
    void sesRefusingAnAddressOnItsOwnSuppressionListsIsEvidenceOnly() {
        var global = ses("bounce-suppressed.json");
        var account = Webhooks.fixture("ses", "event-bounce-on-account-suppression-list.json", "recipient", mary,
                "sender", "sender@" + senderDomain, "feedback-id", feedbackId + "-account",
                "ses-message-id", sesMessageId(), "timestamp", SnsMessages.snsTime(Instant.now()));

        assertThat(post(SnsMessages.notification(global))).hasStatusOk();
        assertThat(post(SnsMessages.notification(account))).hasStatusOk();

        for (var address : new String[] {jane, mary}) {
            assertThat(api.check(address).get("verdict").stringValue()).as(address).isEqualTo("ALLOW");
            assertThat(bounceIn(api.history(address)).get("origin").stringValue()).as(address)
                    .isEqualToIgnoringCase("sender");
        }
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isZero();
    }

    // --- complaints and activity ---

    @Test
    void aComplaintSuppressesWithReasonComplaint() {
        var identityFeedback = ses("complaint.json");
        var eventPublishing = Webhooks.fixture("ses", "event-complaint.json", "recipient", mary,
                "sender", "sender@" + senderDomain, "feedback-id", feedbackId + "-event",
                "ses-message-id", sesMessageId(), "timestamp", SnsMessages.snsTime(Instant.now()));

        var result = post(SnsMessages.notification(identityFeedback));
        assertThat(post(SnsMessages.notification(eventPublishing))).hasStatusOk();

        assertThat(result).hasStatusOk();
        assertThat(Api.body(result).get("eventsByType").get("complaint").intValue()).isEqualTo(1);
        for (var address : new String[] {jane, mary}) {
            var check = api.check(address);
            assertThat(check.get("verdict").stringValue()).as(address).isEqualTo("SUPPRESSED");
            assertThat(check.get("suppression").get("reason").stringValue()).isEqualTo("COMPLAINT");
        }
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).as("a complaint is no hard bounce").isZero();
    }

    @Test
    void aComplaintFromTheAccountSuppressionListIsEvidenceOnly() {
        var message = ses("event-complaint.json").replace("\"complaintFeedbackType\":\"abuse\",",
                "\"complaintSubType\":\"OnAccountSuppressionList\",");

        assertThat(post(SnsMessages.notification(message))).hasStatusOk();

        assertThat(api.check(jane).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(bounceIn(api.history(jane)).get("origin").stringValue()).isEqualToIgnoringCase("sender");
    }

    @Test
    void deliveriesAndSendsAreCountedPerSendingDomainAndDay() {
        var delivered = post(SnsMessages.notification(ses("delivery.json")));
        assertThat(post(SnsMessages.notification(ses("event-delivery.json")))).hasStatusOk();
        assertThat(post(SnsMessages.notification(ses("event-send.json")))).hasStatusOk();

        assertThat(delivered).hasStatusOk();
        assertThat(Api.body(delivered).get("counted").intValue()).isEqualTo(1);
        assertThat(Api.body(delivered).get("eventsByType").get("delivered").intValue()).isEqualTo(1);
        assertThat(count("delivered")).isEqualTo(2);
        assertThat(count("processed")).isEqualTo(1);
        assertThat(api.check(jane).get("verdict").stringValue()).isEqualTo("ALLOW");
    }

    @Test
    void fieldsSesAddsLaterAreIgnored() {
        var message = ses("event-bounce.json")
                .replace("\"eventType\":\"Bounce\",", "\"eventType\":\"Bounce\",\"futureField\":{\"nested\":[1,2]},")
                .replace("\"bounceType\":\"Permanent\",", "\"bounceType\":\"Permanent\",\"futureFlag\":true,")
                .replace("\"action\":\"failed\",", "\"action\":\"failed\",\"futureRecipientField\":\"x\",");

        assertThat(post(SnsMessages.notification(message))).hasStatusOk();

        assertThat(api.check(jane).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
    }

    @Test
    void aMessageThatIsNoSesNotificationIsAcknowledged() {
        var result = post(SnsMessages.notification("Successfully validated SNS topic for Amazon SES event publishing."));

        assertThat(result).hasStatusOk();
        assertThat(Api.body(result).get("accepted").intValue()).isZero();
        assertThat(Api.body(result).get("rejected").intValue()).isZero();
    }

    // --- authenticity ---

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aSignatureOfEitherVersionIsAccepted(int signatureVersion) {
        var result = post(SnsMessages.notification(ses("event-bounce.json")).signatureVersion(signatureVersion));

        assertThat(result).hasStatusOk();
        assertThat(api.check(jane).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(certificates.fetched()).contains(URI.create(SnsMessages.SIGNING_CERT_URL));
    }

    @Test
    void aForgedSignatureIsRefusedAndNothingIsStored() {
        var message = SnsMessages.notification(ses("bounce-with-dsn.json"));
        var forged = message.body().replace(mary, "other@" + domain);

        var result = post(forged, message.type());

        assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Api.body(result).get("detail").stringValue()).contains("signature");
        assertThat(api.check(jane).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(jdbc.sql("select count(*) from bounce_event where event_id like ?").param("ses:" + feedbackId + "%")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aSignatureMadeForVersion1IsRefusedWhenTheMessageClaimsVersion2() {
        var message = SnsMessages.notification(ses("event-bounce.json")).signatureVersion(1);
        var claimsVersion2 = message.body().replace("\"SignatureVersion\" : \"1\"", "\"SignatureVersion\" : \"2\"");

        assertThat(post(claimsVersion2, message.type())).hasStatus(401);
        assertThat(api.check(jane).get("verdict").stringValue()).isEqualTo("ALLOW");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://sns.us-east-1.amazonaws.com.attacker.example/SimpleNotificationService-1.pem",
            "https://attacker.example/SimpleNotificationService-2.pem",
            "http://sns.us-east-1.amazonaws.com/SimpleNotificationService-3.pem",
            "https://sns.us-east-1.amazonaws.com:8443/SimpleNotificationService-4.pem",
            "https://user@sns.us-east-1.amazonaws.com/SimpleNotificationService-5.pem",
            "https://s3.amazonaws.com/SimpleNotificationService-6.pem"})
    void aSigningCertificateOffTheSnsHostsIsRefusedWithoutBeingFetched(String certificateUrl) {
        var result = post(SnsMessages.notification(ses("event-bounce.json")).signingCertUrl(certificateUrl));

        assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(certificates.fetched()).doesNotContain(URI.create(certificateUrl));
        assertThat(api.check(jane).get("verdict").stringValue()).isEqualTo("ALLOW");
    }

    @Test
    void aTopicThatIsNotAllowedIsRefused() {
        var result = post(SnsMessages.notification(ses("event-bounce.json"))
                .topicArn("arn:aws:sns:us-east-1:999999999999:someone-elses-topic"));

        assertThat(result).hasStatus(401).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Api.body(result).get("detail").stringValue()).contains("someone-elses-topic");
        assertThat(api.check(jane).get("verdict").stringValue()).isEqualTo("ALLOW");
    }

    @Test
    void anOldTimestampIsRefusedAsAReplay() {
        var result = post(SnsMessages.notification(ses("event-bounce.json"))
                .publishedAt(Instant.now().minus(1, ChronoUnit.HOURS)));

        assertThat(result).hasStatus(401);
        assertThat(Api.body(result).get("detail").stringValue()).contains("replay");
        assertThat(api.check(jane).get("verdict").stringValue()).isEqualTo("ALLOW");
    }

    @Test
    void rawMessageDeliveryCannotBeVerifiedAndIsRefused() {
        var result = post(ses("event-bounce.json"), "Notification");

        assertThat(result).hasStatus(401);
        assertThat(Api.body(result).get("detail").stringValue()).contains("raw message delivery");
        assertThat(api.check(jane).get("verdict").stringValue()).isEqualTo("ALLOW");
    }

    // --- idempotency ---

    @Test
    void aRedeliveryWithTheSameMessageIdIsADuplicateAndStoredOnce() {
        var body = SnsMessages.notification(ses("bounce-with-dsn.json"));
        var signed = body.body();
        assertThat(post(signed, body.type())).hasStatusOk();

        var again = post(signed, body.type());

        assertThat(again).hasStatusOk();
        assertThat(Api.body(again).get("accepted").intValue()).isZero();
        assertThat(Api.body(again).get("duplicates").intValue()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from bounce_event where event_id = ?").param("ses:" + feedbackId + ":" + jane)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from webhook_receipt where provider = 'ses' and receipt_id = ?")
                .param(body.messageId()).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void theSameFeedbackUnderANewSnsMessageIdIsStillADuplicate() {
        var message = ses("bounce-with-dsn.json");
        assertThat(post(SnsMessages.notification(message))).hasStatusOk();

        var again = post(SnsMessages.notification(message));

        assertThat(Api.body(again).get("duplicates").intValue()).isEqualTo(2);
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isEqualTo(2);
    }

    // --- subscriptions ---

    @Test
    void aSubscriptionConfirmationForAnAllowedTopicIsConfirmed() {
        var subscribeUrl = subscribeUrl(TestProviderKeys.SES_TOPIC_ARN);

        var result = post(SnsMessages.subscriptionConfirmation(subscribeUrl));

        assertThat(result).hasStatusOk();
        assertThat(subscriptions.confirmed()).contains(URI.create(subscribeUrl));
    }

    @Test
    void aSubscriptionConfirmationForAnotherTopicIsRefusedAndNotConfirmed() {
        var topic = "arn:aws:sns:us-east-1:999999999999:someone-elses-topic";
        var subscribeUrl = subscribeUrl(topic);

        var result = post(SnsMessages.subscriptionConfirmation(subscribeUrl).topicArn(topic));

        assertThat(result).hasStatus(401);
        assertThat(subscriptions.confirmed()).doesNotContain(URI.create(subscribeUrl));
    }

    @Test
    void aSubscribeUrlOffTheSnsHostsIsNotVisited() {
        var subscribeUrl = "https://attacker.example/?Action=ConfirmSubscription&Token=" + UUID.randomUUID();

        var result = post(SnsMessages.subscriptionConfirmation(subscribeUrl));

        assertThat(result).hasStatus(401);
        assertThat(subscriptions.confirmed()).doesNotContain(URI.create(subscribeUrl));
    }

    @Test
    void anUnsubscribeConfirmationIsAcknowledged() {
        var result = post(SnsMessages.unsubscribeConfirmation());

        assertThat(result).hasStatusOk();
        assertThat(Api.body(result).get("accepted").intValue()).isZero();
    }

    @Test
    void aMessageTypeHeaderThatContradictsTheSignedTypeIsRefused() {
        var message = SnsMessages.notification(ses("event-bounce.json"));

        assertThat(post(message.body(), "SubscriptionConfirmation")).hasStatus(401);
    }

    // --- helpers ---

    /** An SES notification fixture for this test's recipients, sender domain and feedback id, published now. */
    private String ses(String fixture) {
        return Webhooks.fixture("ses", fixture, "recipient", jane, "second-recipient", mary,
                "sender", "sender@" + senderDomain, "feedback-id", feedbackId, "ses-message-id", sesMessageId(),
                "timestamp", SnsMessages.snsTime(Instant.now()));
    }

    private String sesMessageId() {
        return "EXAMPLE" + feedbackId;
    }

    private MvcTestResult post(SnsMessages message) {
        return post(message.body(), message.type());
    }

    /** Posts as SNS does: text/plain JSON with the x-amz-sns-* headers. */
    private MvcTestResult post(String body, String messageType) {
        return mvc.post().uri("/webhooks/ses").contentType("text/plain; charset=UTF-8")
                .header(SesWebhook.MESSAGE_TYPE, messageType)
                .header("x-amz-sns-topic-arn", TestProviderKeys.SES_TOPIC_ARN)
                .header("User-Agent", "Amazon Simple Notification Service Agent")
                .content(body).exchange();
    }

    private static String subscribeUrl(String topic) {
        return "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=" + topic
                + "&Token=" + UUID.randomUUID().toString().replace("-", "");
    }

    private static JsonNode bounceIn(JsonNode history) {
        for (var entry : history.get("entries")) {
            if ("BOUNCE".equals(entry.get("type").stringValue())) {
                return entry;
            }
        }
        throw new AssertionError("no BOUNCE entry in " + history);
    }

    private long count(String type) {
        return jdbc.sql("""
                select coalesce(sum(count), 0) from delivery_stat
                where provider = 'ses' and sending_domain = ? and event_type = ?
                """).params(senderDomain, type).query(Long.class).single();
    }
}
