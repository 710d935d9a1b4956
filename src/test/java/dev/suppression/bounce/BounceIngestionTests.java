package dev.suppression.bounce;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class BounceIngestionTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @ParameterizedTest(name = "{0} {1} \"{2}\" -> {3}, suppressed: {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            550 | 5.1.1  | 550 5.1.1 <x>: Recipient address rejected: User unknown in virtual mailbox table | USER_UNKNOWN | USER_UNKNOWN       | true
            550 | 5.1.0  | 550 5.1.0 Address rejected: no such user here                                    | USER_UNKNOWN | USER_UNKNOWN       | true
            550 | 5.1.6  | 550 5.1.6 Destination mailbox has moved, no forwarding address                    | USER_UNKNOWN | MAILBOX_MOVED      | true
            550 | 5.1.2  | 550 5.1.2 Host unknown                                                            | BAD_DOMAIN   | HOST_UNKNOWN       | true
            550 | 5.1.10 | 550 5.1.10 Recipient address domain has a null MX                                  | BAD_DOMAIN   | NOT_ACCEPTING_MAIL | true
            550 | 5.1.10 | 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup | USER_UNKNOWN | USER_UNKNOWN | true
            552 | 5.2.2  | 552 5.2.2 Mailbox full                                                            | MAILBOX_FULL | MAILBOX_FULL       | false
            452 | 4.2.2  | 452 4.2.2 The email account that you tried to reach is over quota                  | MAILBOX_FULL | MAILBOX_FULL       | false
            550 | 5.2.1  | 550 5.2.1 The email account that you tried to reach is disabled                    | UNDETERMINED | MAILBOX_DISABLED   | false
            552 | 5.3.4  | 552 5.3.4 Message size exceeds fixed limit                                        | POLICY       | MESSAGE_TOO_BIG    | false
            550 | 5.4.4  | 550 5.4.4 Unable to route                                                         | ROUTING      | NETWORK            | false
            554 | 5.7.1  | 554 5.7.1 Service unavailable; Client host blocked using zen.spamhaus.org          | POLICY       | BLOCKED            | false
            550 | 5.7.1  | 550 5.7.1 User unknown or policy rejection                                        | POLICY       | POLICY             | false
            550 | 5.7.26 | 550 5.7.26 Unauthenticated email is not accepted due to the domain's DMARC policy  | POLICY       | AUTHENTICATION     | false
            421 | 4.7.0  | 421 4.7.0 Try again later, closing connection                                     | TRANSIENT    | RATE_LIMITED       | false
            451 | 4.3.0  | 451 4.3.0 Temporary local problem                                                 | TRANSIENT    | SYSTEM             | false
            -   | -      | 550 5.1.1 <x>: Recipient address rejected: User unknown in virtual mailbox table   | USER_UNKNOWN | USER_UNKNOWN       | true
            -   | -      | 553 sorry, that domain isn't in my list of allowed rcpthosts; no such user        | USER_UNKNOWN | USER_UNKNOWN       | true
            -   | -      | Mailbox not found                                                                 | USER_UNKNOWN | USER_UNKNOWN       | true
            550 | -      | Requested action not taken: unknown recipient                                     | USER_UNKNOWN | USER_UNKNOWN       | true
            -   | -      | something odd happened                                                            | UNDETERMINED | UNDETERMINED       | false
            """)
    void eachClassificationHasItsEffect(String smtpCode, String enhancedCode, String diagnostic,
                                        String classification, String reason, boolean suppressed) {
        var address = "someone@" + uniqueDomain("classify");
        var event = new StringBuilder("{\"recipient\": \"" + address + "\", \"diagnostic\": \"" + diagnostic + "\"");
        if (smtpCode != null) {
            event.append(", \"smtpCode\": ").append(smtpCode);
        }
        if (enhancedCode != null) {
            event.append(", \"enhancedCode\": \"").append(enhancedCode).append("\"");
        }
        event.append("}");

        var answer = api.ingest(event.toString());

        assertThat(answer.get("results").get(0).get("classification").stringValue()).isEqualTo(classification);
        assertThat(answer.get("results").get(0).get("reason").stringValue()).isEqualTo(reason);
        var bounce = api.history(address).get("entries").valueStream()
                .filter(e -> e.get("type").stringValue().equals("BOUNCE")).findFirst().orElseThrow();
        assertThat(bounce.get("classification").stringValue()).isEqualTo(classification);
        assertThat(bounce.get("reason").stringValue()).isEqualTo(reason);
        var check = api.check(address);
        assertThat(check.get("verdict").stringValue()).isEqualTo(suppressed ? "SUPPRESSED" : "ALLOW");
        assertThat(check.get("mayMail").booleanValue()).isEqualTo(!suppressed);
        assertThat(check.get("domain").get("distinctAddresses").intValue()).isEqualTo(suppressed ? 1 : 0);
    }

    @Test
    void aBounceStoredBeforeReasonsWereRecordedShowsItsClassificationWithoutAReason() {
        var domain = uniqueDomain("before-reasons");
        var address = "old@" + domain;
        jdbc.sql("""
                insert into bounce_event (event_id, recipient, recipient_domain, classification, smtp_code,
                    enhanced_code, diagnostic, origin, occurred_at, counts_toward_cluster)
                values (:eventId, :address, :domain, 'USER_UNKNOWN', 550, '5.1.1', '550 5.1.1 user unknown',
                    'RECIPIENT', now(), false)
                """).param("eventId", "old-" + UUID.randomUUID()).param("address", address).param("domain", domain)
                .update();

        var bounce = api.history(address).get("entries").get(0);

        assertThat(bounce.get("type").stringValue()).isEqualTo("BOUNCE");
        assertThat(bounce.get("classification").stringValue()).isEqualTo("USER_UNKNOWN");
        assertThat(bounce.has("reason")).isFalse();
    }

    @Test
    void policyBlocksNeverSuppressEvenWhenTheTextSaysUserUnknown() {
        var address = "exists@" + uniqueDomain("policy");

        api.ingest("""
                {"recipient": "%s", "smtpCode": 550, "enhancedCode": "5.7.1",
                 "diagnostic": "550 5.7.1 Recipient address rejected: user unknown (blocked by policy)"}
                """.formatted(address));

        var check = api.check(address);
        assertThat(check.get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(check.get("suppression").isNull()).isTrue();
    }

    @Test
    void aRepeatedEventIdChangesNothingAndIsReportedAsDuplicate() {
        var address = "dup@" + uniqueDomain("idem");
        var event = """
                {"recipient": "%s", "diagnostic": "550 5.1.1 user unknown", "eventId": "evt-%s"}
                """.formatted(address, UUID.randomUUID());

        var first = api.ingest(event);
        var second = api.ingest(event);

        assertThat(first.get("accepted").intValue()).isEqualTo(1);
        assertThat(second.get("accepted").intValue()).isZero();
        assertThat(second.get("duplicates").intValue()).isEqualTo(1);
        assertThat(second.get("results").get(0).get("status").stringValue()).isEqualTo("duplicate");
        var bounces = api.history(address).get("entries").valueStream()
                .filter(e -> e.get("type").stringValue().equals("BOUNCE")).count();
        assertThat(bounces).isEqualTo(1);
    }

    @Test
    void oneBadEventNeverSinksTheValidOnes() {
        var domain = uniqueDomain("batch");
        var marker = UUID.randomUUID().toString();
        var batch = """
                [
                  {"recipient": "good1@%1$s", "diagnostic": "550 5.1.1 user unknown"},
                  {"recipient": "not-an-address", "diagnostic": "550 5.1.1 user unknown", "messageId": "%2$s"},
                  {"recipient": "good2@%1$s", "smtpCode": 552, "enhancedCode": "5.2.2"},
                  {"recipient": "nocode@%1$s"},
                  "just a string",
                  {"recipient": "good3@%1$s", "enhancedCode": "5.1.1", "occurredAt": "yesterday"}
                ]
                """.formatted(domain, marker);

        var answer = api.ingest(batch);

        assertThat(answer.get("accepted").intValue()).isEqualTo(2);
        assertThat(answer.get("rejected").intValue()).isEqualTo(4);
        var statuses = answer.get("results").valueStream().map(r -> r.get("status").stringValue()).toList();
        assertThat(statuses).containsExactly("accepted", "rejected", "accepted", "rejected", "rejected", "rejected");
        assertThat(answer.get("results").get(1).get("detail").stringValue()).contains("'recipient' is invalid");
        assertThat(answer.get("results").get(3).get("detail").stringValue()).contains("at least one of");
        assertThat(answer.get("results").get(5).get("detail").stringValue()).contains("occurredAt");
        assertThat(api.check("good1@" + domain).get("verdict").stringValue()).isEqualTo("SUPPRESSED");

        var rejected = Api.body(mvc.get().uri("/bounces/rejected").param("limit", "50").exchange());
        var stored = rejected.get("items").valueStream()
                .filter(item -> item.get("raw").stringValue().contains(marker)).toList();
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst().get("reason").stringValue()).contains("no '@'");
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        var result = mvc.post().uri("/bounces").contentType(MediaType.APPLICATION_JSON).content("{not json").exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Api.body(result).get("detail").stringValue()).contains("not valid JSON");
    }

    @Test
    void moreThanAThousandEventsIsTooLarge() {
        var events = IntStream.range(0, 1001)
                .mapToObj(i -> "{\"recipient\": \"a" + i + "@big.example\", \"enhancedCode\": \"4.2.2\"}")
                .collect(Collectors.joining(",", "[", "]"));

        var result = api.postBounces(events);

        assertThat(result).hasStatus(413).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Api.body(result).get("detail").stringValue()).contains("at most 1000");
    }

    @Test
    void senderOriginBouncesAreEvidenceButNeverSuppressOrCount() {
        var domain = uniqueDomain("sender-origin");
        var address = "listed@" + domain;

        var answer = api.ingest("""
                {"recipient": "%s", "smtpCode": 550, "enhancedCode": "5.1.1", "origin": "sender",
                 "diagnostic": "Bounced Address", "source": "sendgrid"}
                """.formatted(address));

        assertThat(answer.get("results").get(0).get("status").stringValue()).isEqualTo("accepted");
        var check = api.check(address);
        assertThat(check.get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(check.get("domain").get("distinctAddresses").intValue()).isZero();
        var entries = api.history(address).get("entries");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("type").stringValue()).isEqualTo("BOUNCE");
        assertThat(entries.get(0).get("origin").stringValue()).isEqualTo("sender");
        assertThat(entries.get(0).get("source").stringValue()).isEqualTo("sendgrid");
    }

    @Test
    void anUnknownOriginIsRejectedWithTheAllowedValues() {
        var answer = api.ingest("""
                {"recipient": "x@%s", "enhancedCode": "5.1.1", "origin": "esp"}
                """.formatted(uniqueDomain("origin")));

        assertThat(answer.get("results").get(0).get("detail").stringValue())
                .contains("'origin' must be \"recipient\" or \"sender\"");
    }

    @Test
    void theEvidenceKeepsTheFullResponseRejectingHostTimeAndMessageId() {
        var address = "evidence@" + uniqueDomain("evidence");
        api.ingest("""
                {"recipient": "%s", "smtpCode": 550, "enhancedCode": "5.1.1", "eventId": "e-%s",
                 "diagnostic": "550-5.1.1 The email account that you tried to reach does not exist. Please try\\n550-5.1.1 double-checking the recipient's email address for typos",
                 "occurredAt": "2026-11-23T09:15:00+01:00", "messageId": "<abc@sender.example>",
                 "reportingMta": "mx.google.com", "source": "postfix"}
                """.formatted(address, UUID.randomUUID()));

        var bounce = api.history(address).get("entries").get(0);

        assertThat(bounce.get("type").stringValue()).isEqualTo("BOUNCE");
        assertThat(bounce.get("response").stringValue()).contains("double-checking the recipient's email address");
        assertThat(bounce.get("rejectingHost").stringValue()).isEqualTo("mx.google.com");
        assertThat(bounce.get("messageId").stringValue()).isEqualTo("<abc@sender.example>");
        assertThat(bounce.get("at").stringValue()).isEqualTo("2026-11-23T08:15:00Z");
        assertThat(bounce.get("smtpCode").intValue()).isEqualTo(550);
        var check = api.check(address);
        assertThat(check.get("suppression").get("rejectingHost").stringValue()).isEqualTo("mx.google.com");
        assertThat(check.get("suppression").get("lastResponse").stringValue()).startsWith("550-5.1.1 The email account");
    }
}
