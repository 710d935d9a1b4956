package dev.suppression.dsn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What a bounce that names its recipient nowhere a layout looks is read by before it is refused, and what that
 * reading never takes: our own sender, the reporting MTA's postmaster, one of several candidates.
 */
class LastResortReadingTests {

    private final BounceMessageParser parser = new BounceMessageParser();

    @Test
    void theOriginalSenderAndThePostmasterAreNeverTheFailedRecipient() {
        var message = """
                From: MAILER-DAEMON@relay.wren.example
                To: bounces+91@shop.example
                Subject: Undeliverable mail
                Content-Type: text/plain

                Message from <news@shop.example> rejected: delivery failed.
                Contact <postmaster@relay.wren.example> if this failure persists.

                ------ This is a copy of the message headers.

                From: Shop News <news@shop.example>
                To: members@lists.shop.example, partners@lists.shop.example
                Subject: Your November offers
                """;

        assertThatThrownBy(() -> parser.parse(message.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(NotABounceException.class,
                        e -> assertThat(e.kind()).isEqualTo(MessageKind.UNREADABLE_BOUNCE));
    }

    @Test
    void twoCandidatesNextToFailureWordsAreNotGuessedBetween() {
        var message = """
                From: MAILER-DAEMON@relay.wren.example
                To: bounces@shop.example
                Subject: Undeliverable mail
                Content-Type: text/plain

                Mail for <ada.wren@wren.example> forwarded via <relay-box@wren.example> failed: 550 5.1.1 unknown.
                """;

        assertThatThrownBy(() -> parser.parse(message.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(NotABounceException.class);
    }

    @Test
    void theReturnedOriginalsOnlyAddresseeIsTakenOnlyWhenItHasOne() {
        var message = """
                From: MAILER-DAEMON@smtp.wren.example
                To: bounces@shop.example
                Subject: Undelivered Mail
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b"

                --b
                Content-Type: text/plain

                Your message could not be delivered: 550 5.1.1 no such user here.

                --b
                Content-Type: message/rfc822

                From: Shop News <news@shop.example>
                To: ada.wren@wren.example, bo.wren@wren.example
                Subject: Your November offers

                Hello.
                --b--
                """;

        assertThatThrownBy(() -> parser.parse(message.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(NotABounceException.class);
    }

    @Test
    void aFinalRecipientWithADisplayNameOrNoAddressTypeNamesTheAddress() {
        assertThat(DeliveryStatusReport.address("RFC822; \"Ulla Berg\" <ulla.berg@x.example>")).isEqualTo("ulla.berg@x.example");
        assertThat(DeliveryStatusReport.address("<ivo@x.example>")).isEqualTo("ivo@x.example");
        assertThat(DeliveryStatusReport.address("rfc822 jana@x.example")).isEqualTo("jana@x.example");
        assertThat(DeliveryStatusReport.address("rfc822; \"neko..nyaan\"@x.example")).isEqualTo("\"neko..nyaan\"@x.example");
    }
}
