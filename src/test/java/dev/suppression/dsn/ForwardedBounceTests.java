package dev.suppression.dsn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bounce someone forwarded is read as the bounce inside, whether attached or pasted under a mail client's
 * banner; a bounce that returns the original message it failed to deliver is still read as itself.
 */
class ForwardedBounceTests {

    private final BounceMessageParser parser = new BounceMessageParser();

    @ParameterizedTest(name = "{0} reads {2} from the {1} bounce inside")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            forwarded-attached-postfix-dsn.eml          | Postfix (RFC 3464)       | arvid.holm@fjordline-mail.example      | <newsletter-w26-118@shop.example>
            forwarded-inline-gmail-banner.eml           | Gmail                    | kofi.mensah@lagoon-mail.example        | -
            forwarded-outlook-original-message.eml      | Microsoft Exchange 2007+ | ines.carvalho@brightwater-corp.example | <spring-cat-4410@shop.example>
            forwarded-apple-quoted-exim-blocklisted.eml | Exim                     | selma.aydin@quarry-hosting.example     | -
            forwarded-german-html-wg.eml                | Postfix                  | lotte.berg@waldhaus-net.example        | -
            forwarded-by-postmaster-fw-exchange.eml     | Microsoft Exchange 2007+ | moritz.engel@cedar-holdings.example    | <invoice-8812@shop.example>
            """)
    void aForwardedBounceIsReadAsTheBounceInside(String fixture, String layout, String recipient,
                                                 String originalMessageId) {
        var message = parser.parse(Fixtures.bytes(fixture));

        assertThat(message.layout()).isEqualTo(layout);
        assertThat(message.recipients()).extracting(FailedRecipient::recipient).containsExactly(recipient);
        if (originalMessageId != null) {
            assertThat(message.originalMessageId()).isEqualTo(originalMessageId);
        }
    }

    @Test
    void theForwardersOwnAddressesAreNeverTheFailedRecipient() {
        var message = parser.parse(Fixtures.bytes("forwarded-inline-gmail-banner.eml"));

        assertThat(message.recipients()).extracting(FailedRecipient::recipient)
                .doesNotContain("ruben.osei@shop.example", "support@shop.example");
    }

    @Test
    void aForwardedBounceKeepsTheForwardsDateWhenTheBannerDateCannotBeRead() {
        var message = parser.parse(Fixtures.bytes("forwarded-outlook-original-message.eml"));

        assertThat(message.date()).isEqualTo(java.time.Instant.parse("2026-11-27T13:20:11Z"));
    }

    @ParameterizedTest(name = "{0} is read as {1}, not as the message it returns")
    @CsvSource(delimiter = '|', textBlock = """
            postfix-dsn-user-unknown.eml    | Postfix (RFC 3464)
            exim.eml                        | Exim
            x5-nested-user-unknown.eml      | unbranded mailer daemon X5
            """)
    void aBounceThatReturnsItsOriginalIsReadAsItself(String fixture, String layout) {
        assertThat(parser.parse(Fixtures.bytes(fixture)).layout()).isEqualTo(layout);
    }

    @Test
    void aQuotedMessageIsNoBounceJustBecauseItsSubjectSoundsLikeOne() {
        var raw = """
                From: Greta Lind <greta.lind@birch-co.example>
                To: orders@shop.example
                Subject: Fwd: Your parcel could not be delivered
                Date: Tue, 01 Dec 2026 09:00:00 +0000

                Is this real?

                ---------- Forwarded message ---------
                From: Shop Orders <orders@shop.example>
                Date: Tue, 1 Dec 2026 at 08:59
                Subject: Your parcel could not be delivered
                To: Greta Lind <greta.lind@birch-co.example>

                We could not deliver your parcel today; if it fails again, write to <depot@shop-logistics.example>.
                """.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(raw)).isInstanceOf(NotABounceException.class);
    }

    @Test
    void aForwardedOrdinaryMailIsNoBounce() {
        assertThatThrownBy(() -> parser.parse(Fixtures.bytes("forwarded-ordinary-mail.eml")))
                .isInstanceOfSatisfying(NotABounceException.class,
                        e -> assertThat(e.kind()).isEqualTo(MessageKind.ORDINARY_MAIL));
    }
}
