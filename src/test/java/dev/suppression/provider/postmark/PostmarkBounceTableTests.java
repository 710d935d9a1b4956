package dev.suppression.provider.postmark;

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

/** The bounce type table of {@link PostmarkWebhook}, row by row, without the HTTP stack. */
class PostmarkBounceTableTests {

    private final PostmarkWebhook webhook = new PostmarkWebhook(new PostmarkSettings("user", "password"),
            JsonMapper.builder().build(), Clock.systemUTC());
    private final BounceClassifier classifier = new BounceClassifier();

    @ParameterizedTest(name = "{0} ({1}) saying \"{2}\" is {3}")
    @CsvSource(delimiter = '|', textBlock = """
            HardBounce       | 1      | smtp;550 5.1.1 <a@b.example>: Recipient address rejected: User unknown | USER_UNKNOWN
            HardBounce       | 1      | Test bounce details                                                    | USER_UNKNOWN
            HardBounce       | 1      | smtp;550 5.1.2 Host unknown                                            | BAD_DOMAIN
            HardBounce       | 1      | smtp;554 5.7.1 Client host blocked using zen.spamhaus.org              | POLICY
            HardBounce       | 1      | smtp;552 5.2.2 Mailbox full                                            | MAILBOX_FULL
            HardBounce       | 1      | smtp;550 This account has been disabled or discontinued                | UNDETERMINED
            BadEmailAddress  | 100000 | Invalid email address                                                  | USER_UNKNOWN
            SoftBounce       | 4096   | smtp;452 4.2.2 Over quota                                              | TRANSIENT
            SoftBounce       | 4096   | smtp;550 5.1.1 User unknown                                            | TRANSIENT
            Transient        | 2      | Message delayed                                                        | TRANSIENT
            DnsError         | 256    | smtp;550 5.1.2 Host unknown                                            | ROUTING
            Blocked          | 100006 | smtp;550 5.1.1 User unknown                                            | POLICY
            DMARCPolicy      | 100009 | smtp;550 5.7.26 Unauthenticated email is not accepted                  | POLICY
            SpamNotification | 512    | smtp;550 permanent failure for one or more recipients                  | POLICY
            Unknown          | 2048   | smtp;550 5.1.1 User unknown                                            | USER_UNKNOWN
            Unknown          | 2048   | something nobody can read                                              | UNDETERMINED
            SomethingNew     | 777    | smtp;550 5.1.1 User unknown                                            | USER_UNKNOWN
            """)
    void recipientBouncesAreClassifiedByTheTable(String type, int typeCode, String details, Classification expected) {
        var submission = parse(type, typeCode, details);

        assertThat(submission).isInstanceOf(Submission.Valid.class);
        var report = ((Submission.Valid) submission).report();
        assertThat(report.origin()).isEqualTo(Origin.RECIPIENT);
        assertThat(classifier.classify(report.smtpCode(), report.enhancedCode(), report.diagnostic()).classification())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"ManuallyDeactivated, 100002", "Unconfirmed, 100003", "SMTPApiError, 100007",
            "TemplateRenderingFailed, 100010"})
    void postmarkRefusingTheSendItselfIsSenderEvidence(String type, int typeCode) {
        var submission = parse(type, typeCode, "smtp;550 5.1.1 User unknown");

        assertThat(submission).isInstanceOf(Submission.Valid.class);
        assertThat(((Submission.Valid) submission).report().origin()).isEqualTo(Origin.SENDER);
    }

    @ParameterizedTest
    @CsvSource({"AutoResponder, 64", "AddressChange, 128", "Subscribe, 32", "Unsubscribe, 16", "OpenRelayTest, 1024",
            "VirusNotification, 8192", "ChallengeVerification, 16384", "InboundError, 100008"})
    void repliesThatAreNoBouncesAreCounted(String type, int typeCode) {
        var submission = parse(type, typeCode, "I am out of the office");

        assertThat(submission).isInstanceOf(Submission.Activity.class);
        assertThat(((Submission.Activity) submission).report().type()).isEqualTo(type);
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 100001})
    void aSpamComplaintTypeIsAComplaintWhateverTheCodeSays(int typeCode) {
        assertThat(parse("SpamComplaint", typeCode, "")).isInstanceOf(Submission.Complaint.class);
    }

    @Test
    void theTypeCodeDecidesWhenTheNameIsMissing() {
        var json = """
                {"ID": 7, "TypeCode": 100001, "Email": "a@b.example", "BouncedAt": "2019-11-05T16:33:54.9070259Z"}
                """;

        assertThat(parseJson(json)).isInstanceOf(Submission.Complaint.class);
    }

    @Test
    void bouncedAtIsTheTimeOfTheEvent() {
        var submission = parse("HardBounce", 1, "Test bounce details");

        assertThat(((Submission.Valid) submission).report().occurredAt()).hasToString("2014-08-01T17:28:10.273539300Z");
    }

    private Submission parse(String type, int typeCode, String details) {
        return parseJson("""
                {"RecordType": "Bounce", "ID": 42, "Type": "%s", "TypeCode": %d, "Details": "%s",
                 "Email": "john@example.com", "From": "sender@example.com",
                 "BouncedAt": "2014-08-01T13:28:10.2735393-04:00"}
                """.formatted(type, typeCode, details));
    }

    private Submission parseJson(String json) {
        var request = new WebhookRequest("postmark", json.getBytes(StandardCharsets.UTF_8), new HttpHeaders(), "127.0.0.1");
        var events = webhook.parse(request).events();
        assertThat(events).hasSize(1);
        return events.getFirst().submission();
    }
}
