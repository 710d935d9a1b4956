package dev.suppression.provider.sparkpost;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.bounce.Origin;
import dev.suppression.bounce.Submission;
import dev.suppression.classification.BounceClassifier;
import dev.suppression.classification.Classification;
import dev.suppression.provider.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.json.JsonMapper;

/** The bounce class table of {@link SparkPostWebhook}, row by row, without the HTTP stack. */
class SparkPostBounceClassTableTests {

    private final SparkPostWebhook webhook = new SparkPostWebhook(new SparkPostSettings("user", "password"),
            JsonMapper.builder().build(), Clock.systemUTC());
    private final BounceClassifier classifier = new BounceClassifier();

    @ParameterizedTest(name = "class {0} with {1} \"{2}\" is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            10  | 550 | 550 5.1.1 <a@b.example>: Recipient address rejected: User unknown | USER_UNKNOWN
            10  | 550 | Requested action not taken                                         | USER_UNKNOWN
            10  | 554 | 554 5.7.1 Message rejected as spam                                 | POLICY
            30  | 550 | No recipient could be determined                                   | USER_UNKNOWN
            20  | 550 | 550 5.1.1 User unknown                                             | TRANSIENT
            21  | 554 | 554 5.4.7 [internal] message timeout                               | ROUTING
            22  | 552 | 552 5.2.2 Mailbox full                                             | MAILBOX_FULL
            23  | 552 | 552 5.3.4 Message too big                                          | TRANSIENT
            24  | 554 | 554 5.4.7 [internal] message timeout                               | TRANSIENT
            40  | 550 | 550 5.1.1 User unknown                                             | TRANSIENT
            50  | 554 | MAIL REFUSED - IP (17.99.99.99) is in black list                   | POLICY
            51  | 550 | 550 5.1.1 User unknown                                             | POLICY
            52  | 554 | 554 5.7.1 Spam content                                             | POLICY
            53  | 552 | 552 5.7.0 Prohibited attachment                                    | POLICY
            54  | 550 | 550 5.7.1 Relaying denied                                          | POLICY
            70  | 451 | 451 4.3.0 Try again later                                          | TRANSIENT
            1   | 550 | 550 5.1.1 User unknown                                             | USER_UNKNOWN
            1   | 554 | something nobody can read                                          | UNDETERMINED
            999 | 550 | 550 5.1.1 User unknown                                             | USER_UNKNOWN
            """)
    void recipientBouncesAreClassifiedByTheTable(int bounceClass, int errorCode, String reason, Classification expected) {
        var submission = single(bounce("bounce", bounceClass, errorCode, reason));

        assertThat(submission).isInstanceOf(Submission.Valid.class);
        var report = ((Submission.Valid) submission).report();
        assertThat(report.origin()).isEqualTo(Origin.RECIPIENT);
        assertThat(classifier.classify(report.smtpCode(), report.enhancedCode(), report.diagnostic()).classification())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(ints = {25, 26})
    void sparkPostsOwnPolicyIsSenderEvidence(int bounceClass) {
        var submission = single(bounce("bounce", bounceClass, 554,
                "554 5.7.1 recipient address suppressed due to customer policy"));

        assertThat(((Submission.Valid) submission).report().origin()).isEqualTo(Origin.SENDER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"policy_rejection", "generation_rejection", "generation_failure"})
    void sparkPostRefusingToSendIsSenderEvidence(String type) {
        var submission = single(bounce(type, 25, 554, "554 5.7.1 recipient address suppressed due to customer policy"));

        assertThat(((Submission.Valid) submission).report().origin()).isEqualTo(Origin.SENDER);
    }

    @ParameterizedTest
    @CsvSource({"60, auto_reply", "80, subscribe", "90, unsubscribe", "100, challenge_response"})
    void classesThatAreNoBouncesAreCounted(int bounceClass, String countedAs) {
        var submission = single(bounce("bounce", bounceClass, 550, "I am out of the office"));

        assertThat(submission).isInstanceOf(Submission.Activity.class);
        assertThat(((Submission.Activity) submission).report().type()).isEqualTo(countedAs);
    }

    @Test
    void deliveriesAndInjectionsAreCountedUnderTheSharedNamesForTheSendingDomain() {
        var events = webhook.parse(request("""
                [{"msys": {"message_event": {"type": "delivery", "rcpt_to": "a@b.example", "timestamp": "1454442600",
                  "friendly_from": "News <news@sender.example>", "msg_from": "bounces@sparkpostmail.com"}}},
                 {"msys": {"message_event": {"type": "injection", "rcpt_to": "a@b.example", "timestamp": "1454442600",
                  "msg_from": "bounces@mail.sender.example"}}},
                 {"msys": {"track_event": {"type": "click", "rcpt_to": "a@b.example", "timestamp": "1454442600"}}}]
                """)).events();

        var activities = events.stream().map(e -> ((Submission.Activity) e.submission()).report()).toList();
        assertThat(activities).extracting(a -> a.type()).containsExactly("delivered", "processed", "click");
        assertThat(activities).extracting(a -> a.sendingDomain()).containsExactly("sender.example", "mail.sender.example", null);
        assertThat(activities.getFirst().occurredAt()).hasToString("2016-02-02T19:50:00Z");
    }

    @Test
    void anIso8601TimestampIsReadToo() {
        var submission = single(bounce("bounce", 10, 550, "550 5.1.1 User unknown")
                .replace("\"1454442600\"", "\"2018-10-11T23:24:45.000+00:00\""));

        assertThat(((Submission.Valid) submission).report().occurredAt()).hasToString("2018-10-11T23:24:45Z");
    }

    @Test
    void theTestPingHasNoEvents() {
        assertThat(webhook.parse(request("[]")).events()).isEmpty();
        assertThat(webhook.parse(request("[{\"msys\": {}}]")).events()).isEmpty();
    }

    @Test
    void aBatchIdMakesTheBatchADeliveryToRecogniseOnRetry() {
        var headers = new HttpHeaders();
        headers.add(SparkPostWebhook.BATCH_ID, "0a1b2c3d-batch");
        var body = bounce("bounce", 10, 550, "550 5.1.1 User unknown").getBytes(StandardCharsets.UTF_8);

        assertThat(webhook.parse(new WebhookRequest("sparkpost", body, headers, "127.0.0.1")).deliveryId())
                .isEqualTo("0a1b2c3d-batch");
    }

    private static String bounce(String type, int bounceClass, int errorCode, String reason) {
        return """
                [{"msys": {"message_event": {"type": "%s", "bounce_class": "%d", "error_code": "%d",
                  "raw_reason": "%s", "rcpt_to": "john@example.com", "event_id": "92356927693813856",
                  "message_id": "000443ee14578172be22", "friendly_from": "sender@example.com",
                  "timestamp": "1454442600"}}}]
                """.formatted(type, bounceClass, errorCode, reason);
    }

    private Submission single(String json) {
        var events = webhook.parse(request(json)).events();
        assertThat(events).hasSize(1);
        return events.getFirst().submission();
    }

    private static WebhookRequest request(String json) {
        return new WebhookRequest("sparkpost", json.getBytes(StandardCharsets.UTF_8), new HttpHeaders(), "127.0.0.1");
    }
}
