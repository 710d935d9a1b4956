package dev.suppression.dsn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlainTextBounceTests {

    @Test
    void aMultiLineReplyIsJoinedIntoOneResponse() {
        var response = PlainTextBounce.response(List.of(
                "    SMTP error from remote mail server after RCPT TO:<x@example.org>:",
                "    550-5.1.1 The email account that you tried to reach does not exist. Please try",
                "    550 5.1.1 double-checking the recipient's email address.",
                "    550 5.1.1 <x@example.org>... this is a second reply, not part of the first"));

        assertThat(response).isEqualTo("550-5.1.1 The email account that you tried to reach does not exist. "
                + "Please try double-checking the recipient's email address.");
    }

    @Test
    void theQuotesAndBracketsAroundAResponseAreDropped() {
        assertThat(PlainTextBounce.response(List.of("Remote Server returned '550 5.1.1 RESOLVER.ADR.RecipNotFound; not found'")))
                .isEqualTo("550 5.1.1 RESOLVER.ADR.RecipNotFound; not found");
        assertThat(PlainTextBounce.response(List.of("<mx.example.org #5.1.1 smtp;550 5.1.1 User unknown>")))
                .isEqualTo("550 5.1.1 User unknown");
    }

    @Test
    void aResponseWithoutReplyCodeIsTheParagraphUnderItsHeading() {
        assertThat(PlainTextBounce.response(List.of("The response was:", "", "The account does not exist.", "", "Other")))
                .isEqualTo("The account does not exist.");
    }

    @Test
    void dateAndAddressNumbersAreNotTakenForReplyCodes() {
        assertThat(PlainTextBounce.response(List.of("Sent: Mon, 23 Nov 2026 10:15:00 +0100 from [192.0.2.250]")))
                .isNull();
    }

    @Test
    void theSendersOwnAddressesAndRoleAccountsAreNeverFailedRecipients() {
        var bounce = read("""
                Hi. This is the qmail-send program at mx.example.org.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <news@sender.example>:
                This is a copy for the sender.

                <postmaster@example.org>:
                Sorry, no mailbox here by that name. (#5.1.1)

                <jane@example.org>:
                Sorry, no mailbox here by that name. (#5.1.1)
                """, "failure notice", "news@sender.example", true);

        assertThat(bounce.recipients()).extracting(FailedRecipient::recipient).containsExactly("jane@example.org");
    }

    @Test
    void aDelayNoticeIsDelayedEvenWhenItMentionsAPermanentFailureToCome() {
        var bounce = read("""
                ** Message not delivered yet **

                There was a temporary problem delivering your message to jane@example.org. Gmail will retry for
                46 more hours. You'll be notified if the delivery fails permanently.

                The response was:
                451 4.3.0 Mail server temporarily rejected message.
                """, "Delivery Status Notification (Delay)", "list@shop.example", true);

        assertThat(bounce.layout()).isEqualTo("Gmail");
        assertThat(bounce.recipients()).singleElement().satisfies(r -> {
            assertThat(r.action()).isEqualTo(DeliveryAction.DELAYED);
            assertThat(r.status()).isEqualTo("4.3.0");
            assertThat(r.diagnostic()).isEqualTo("451 4.3.0 Mail server temporarily rejected message.");
        });
    }

    @Test
    void anUnknownLayoutFromAMailerDaemonIsStillRead() {
        var bounce = read("""
                Your mail could not be handed over.

                Recipient: lost@example.org
                Reason: 550 5.1.1 mailbox unavailable
                """, "Undeliverable mail", "list@shop.example", true);

        assertThat(bounce.layout()).isEqualTo("mailer daemon");
        assertThat(bounce.recipients()).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo("lost@example.org");
            assertThat(r.diagnostic()).isEqualTo("550 5.1.1 mailbox unavailable");
        });
    }

    @Test
    void textInNoKnownLayoutFromAPersonIsNotABounce() {
        assertThatThrownBy(() -> read("Hi, see you at 5pm. 550 people are coming.", "Re: party", "jane@example.org", false))
                .isInstanceOfSatisfying(NotABounceException.class,
                        e -> assertThat(e.kind()).isEqualTo(MessageKind.ORDINARY_MAIL));
    }

    /** The text as the body of a message to {@code to}, from a mailer daemon or from a person. */
    private static BounceMessage read(String text, String subject, String to, boolean fromMailerDaemon) {
        var message = "From: " + (fromMailerDaemon ? "MAILER-DAEMON@mx.example.org" : "friend@example.net") + "\n"
                + "To: " + to + "\nSubject: " + subject + "\nDate: Mon, 23 Nov 2026 10:00:00 +0000\n\n" + text;
        return new BounceMessageParser().parse(message.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
