package dev.suppression.dsn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever arrives, the parser answers with a bounce or a clear refusal, never with anything else. */
class BounceMessageRobustnessTests {

    private final BounceMessageParser parser = new BounceMessageParser();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"postfix-dsn-user-unknown.eml", "dsn-gmail.eml", "dsn-multiple-recipients.eml", "qmail.eml",
            "exim.eml", "exchange-ndr.eml", "german.eml", "french.eml", "arf-feedback-report.eml"})
    void everyTruncatedOrCorruptedCopyGetsAnAnswerOrAClearRefusal(String fixture) {
        var original = Fixtures.bytes(fixture);
        var random = new Random(fixture.hashCode());
        for (int i = 0; i < 100; i++) {
            var mutated = i % 2 == 0 ? Arrays.copyOf(original, random.nextInt(original.length + 1)) : original.clone();
            if (i % 2 == 1) {
                for (int flips = 1 + random.nextInt(20); flips > 0; flips--) {
                    mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
                }
            }

            var outcome = catchThrowable(() -> parser.parse(mutated));

            assertThat(outcome).as("copy %d of %s", i, fixture)
                    .satisfiesAnyOf(t -> assertThat(t).isNull(),
                            t -> assertThat(t).isInstanceOfAny(UnreadableMessageException.class, NotABounceException.class));
        }
    }

    @Test
    @Timeout(10)
    void aReportWithHundredsOfRecipientsIsReadWhole() {
        var recipients = IntStream.range(0, 800).mapToObj(i -> """
                Final-Recipient: rfc822; user%1$d@big-list.example
                Action: failed
                Status: 5.1.1
                Remote-MTA: dns; mx.big-list.example
                Diagnostic-Code: smtp; 550 5.1.1 <user%1$d@big-list.example>: Recipient address rejected
                """.formatted(i)).collect(Collectors.joining("\n"));
        var message = """
                From: MAILER-DAEMON@mail.sender.example
                To: list@sender.example
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <big-bounce@mail.sender.example>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                Undelivered.

                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mail.sender.example

                %s
                --b--
                """.formatted(recipients);

        var bounce = parser.parse(message.getBytes(StandardCharsets.US_ASCII));

        assertThat(bounce.recipients()).hasSize(800);
        assertThat(bounce.recipients().get(799).recipient()).isEqualTo("user799@big-list.example");
    }

    @Test
    @Timeout(10)
    void aPlainTextBounceWithHundredsOfRecipientsIsReadWhole() {
        var recipients = IntStream.range(0, 500).mapToObj(i -> """
                  user%1$d@big-list.example
                    host mx.big-list.example [192.0.2.9]
                    SMTP error from remote mail server after RCPT TO:<user%1$d@big-list.example>:
                    550 5.1.1 <user%1$d@big-list.example>: Recipient address rejected
                """.formatted(i)).collect(Collectors.joining());
        var message = """
                From: Mail Delivery System <Mailer-Daemon@relay.sender.example>
                To: list@sender.example
                Subject: Mail delivery failed: returning message to sender

                This message was created automatically by mail delivery software.

                A message that you sent could not be delivered to one or more of its
                recipients. This is a permanent error. The following address(es) failed:

                %s
                """.formatted(recipients);

        var bounce = parser.parse(message.getBytes(StandardCharsets.US_ASCII));

        assertThat(bounce.recipients()).hasSize(500);
        assertThat(bounce.recipients()).allSatisfy(r -> assertThat(r.status()).isEqualTo("5.1.1"));
    }

    @Test
    @Timeout(10)
    void deeplyNestedMultipartsDoNotExhaustTheStack() {
        var message = new StringBuilder("""
                From: MAILER-DAEMON@mail.sender.example
                Subject: nested
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b0"

                """);
        for (int depth = 1; depth < 2_000; depth++) {
            message.append("--b").append(depth - 1).append("\nContent-Type: multipart/mixed; boundary=\"b")
                    .append(depth).append("\"\n\n");
        }

        var outcome = catchThrowable(() -> parser.parse(message.toString().getBytes(StandardCharsets.US_ASCII)));

        assertThat(outcome).isInstanceOfAny(UnreadableMessageException.class, NotABounceException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"one long word without an at sign", "unclosed tags in HTML", "thousands of named recipients"})
    @Timeout(5)
    void inputBuiltToMakeTheParserBacktrackIsReadInLinearTime(String shape) {
        var body = switch (shape) {
            case "one long word without an at sign" -> "Content-Type: text/plain\n\nto " + "a.b-c".repeat(200_000);
            case "unclosed tags in HTML" -> "Content-Type: text/html\n\n" + "<!--<script<a ".repeat(70_000);
            default -> "Content-Type: text/plain\n\n" + IntStream.range(0, 40_000)
                    .mapToObj(i -> "Not delivered to u" + i + "@x.example.").collect(Collectors.joining("\n"));
        };
        var message = "From: MAILER-DAEMON@mta.example\nSubject: Undelivered Mail\n" + body;

        var outcome = catchThrowable(() -> parser.parse(message.getBytes(StandardCharsets.US_ASCII)));

        assertThat(outcome).satisfiesAnyOf(t -> assertThat(t).isNull(),
                t -> assertThat(t).isInstanceOfAny(UnreadableMessageException.class, NotABounceException.class));
    }

    @Test
    void aBodyWithNulBytesInItsHeadersIsBinary() {
        var body = "From: x@example.org\0\0\0\nSubject: y\n\nz".getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> parser.parse(body)).isInstanceOf(UnreadableMessageException.class)
                .hasMessageContaining("binary data");
    }

    @Test
    void aMessageSavedFromAnMboxWithItsFromLineIsRead() {
        var mbox = ("From MAILER-DAEMON Mon Nov 23 09:14:07 2026\n"
                + Fixtures.text("qmail.eml")).getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(mbox).recipients()).hasSize(2);
    }

    @Test
    void crlfLineEndingsReadTheSameAsBareNewlines() {
        var crlf = Fixtures.text("postfix-dsn-user-unknown.eml").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);

        var bounce = parser.parse(crlf);

        assertThat(bounce.recipients()).singleElement().satisfies(r -> assertThat(r.diagnostic())
                .isEqualTo("550 5.1.1 <jane.doe@northwind.example>: Recipient address rejected: User unknown in virtual mailbox table"));
        assertThat(bounce.originalMessageId()).isEqualTo("<offers-2026-11.7f3c2a@shop.example>");
    }

}
