package dev.suppression.dsn;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Messages a mail client shows without trouble are never refused when they plainly name the failed address:
 * odd charsets, an HTML-only notice, soft line breaks inside an address, a header section that runs straight into
 * the text, a byte order mark or blank lines before the headers, a report whose Final-Recipient is empty, of
 * another address type or missing.
 */
class AwkwardMessageTests {

    private final BounceMessageParser parser = new BounceMessageParser();

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            awkward-final-recipient-empty-original-recipient.eml | ines.moll@quartz-post.example
            awkward-final-recipient-x400-type.eml                | pavel.dvorak@quartz-post.example
            awkward-original-recipient-only.eml                  | rhea.sol@quartz-post.example
            awkward-html-only-notice.eml                         | vera.holm@quartz-post.example
            awkward-no-blank-line-after-headers.eml              | oren.katz@sprucewood-mail.example
            awkward-qp-soft-break-in-address.eml                 | wenzel.arnulf-longname-for-wrap@quartz-post.example
            awkward-utf16-text.eml                               | yusuf.demir@quartz-post.example
            awkward-x-failed-recipients-only.eml                 | ugo.ferri@quartz-post.example
            awkward-utf8-bom-before-headers.eml                  | zora.quist@larch-mail.example
            """)
    void aBounceThatPlainlyNamesTheFailedAddressIsNeverRefused(String fixture, String recipient) {
        assertThat(parser.parse(Fixtures.bytes(fixture)).recipients()).extracting(FailedRecipient::recipient)
                .containsExactly(recipient);
    }

    @Test
    void aHeaderSectionThatRunsIntoTheTextEndsAtTheFirstLineThatIsNoField() {
        var raw = """
                From: MAILER-DAEMON@mx.relay-one.example
                Subject: failure notice
                <lena.berg@quartz-post.example>:
                Remote host said: 550 5.1.1 User unknown
                """.getBytes(StandardCharsets.US_ASCII);

        assertThat(new String(BounceMessageParser.withHeaderSectionEnded(raw), StandardCharsets.US_ASCII))
                .isEqualTo("""
                        From: MAILER-DAEMON@mx.relay-one.example
                        Subject: failure notice

                        <lena.berg@quartz-post.example>:
                        Remote host said: 550 5.1.1 User unknown
                        """);
    }

    @Test
    void aStrayLineAmongTheHeadersDoesNotCutThemShort() {
        var raw = """
                From: MAILER-DAEMON@mx.relay-one.example
                this line is no header field
                Subject: Undelivered Mail Returned to Sender
                Content-Type: text/plain

                body
                """.getBytes(StandardCharsets.US_ASCII);

        assertThat(BounceMessageParser.withHeaderSectionEnded(raw)).isSameAs(raw);
    }

    @Test
    void aByteOrderMarkAndBlankLinesBeforeTheFirstHeaderAreSkipped() {
        var raw = "\uFEFF\r\n  \r\nFrom: MAILER-DAEMON@mx.relay-two.example\r\n".getBytes(StandardCharsets.UTF_8);

        assertThat(new String(BounceMessageParser.withoutLeadingPadding(raw), StandardCharsets.UTF_8))
                .isEqualTo("From: MAILER-DAEMON@mx.relay-two.example\r\n");
    }

    @Test
    void blankLinesPastedBeforeTheHeadersDoNotMakeTheMessageUnreadable() {
        var raw = "\n\n".concat(new String(Fixtures.bytes("postfix-plain.eml"), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);

        assertThat(parser.parse(raw).recipients()).extracting(FailedRecipient::recipient)
                .containsExactly("a.kumar@relecloud.example");
    }

    @Test
    void aMessageThatStartsWithItsHeadersIsLeftAsItIs() {
        var raw = Fixtures.bytes("exim.eml");

        assertThat(BounceMessageParser.withoutLeadingPadding(raw)).isSameAs(raw);
    }

    @Test
    void aMessageWithItsBlankLineIsLeftAsItIs() {
        var raw = Fixtures.bytes("exim.eml");

        assertThat(BounceMessageParser.withHeaderSectionEnded(raw)).isSameAs(raw);
    }
}
