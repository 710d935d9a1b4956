package dev.suppression.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Address normalization and validation (issue 3): trimmed, domain lower-cased and turned to punycode,
 * local part lower-cased, and anything that is not a valid RFC 5321 address rejected with a reason.
 */
class EmailAddressTests {

    // ---------------------------------------------------------------------------------------------
    // Normalization
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource
    void addressesAreTrimmedAndLowerCasedWithIdnDomainsInPunycode(String raw, String normalized) {
        assertThat(EmailAddress.parse(raw).value()).isEqualTo(normalized);
    }

    static Stream<Arguments> addressesAreTrimmedAndLowerCasedWithIdnDomainsInPunycode() {
        return Stream.of(
                argumentSet("already normal", "jane@example.org", "jane@example.org"),
                argumentSet("surrounding spaces", "  jane@example.org  ", "jane@example.org"),
                argumentSet("surrounding tab and newline", "\tjane@example.org\r\n", "jane@example.org"),
                argumentSet("domain upper case", "jane@Example.ORG", "jane@example.org"),
                argumentSet("local part upper case", "Jane.Doe@example.org", "jane.doe@example.org"),
                argumentSet("both, trimmed", "  John.DOE@Sub.Example.CO.UK ", "john.doe@sub.example.co.uk"),
                argumentSet("plus tag kept", "Jane+Newsletter@example.org", "jane+newsletter@example.org"),
                argumentSet("atext specials kept", "o'brien_j-1!#$%&*/=?^`{|}~@example.ie",
                        "o'brien_j-1!#$%&*/=?^`{|}~@example.ie"),
                argumentSet("IDN domain to punycode", "user@Bücher.DE", "user@xn--bcher-kva.de"),
                argumentSet("IDN domain, lower case", "info@münchen.de", "info@xn--mnchen-3ya.de"),
                argumentSet("IDN TLD", "contact@пример.рф", "contact@xn--e1afmkfd.xn--p1ai"),
                argumentSet("Japanese IDN", "user@例え.jp", "user@xn--r8jz45g.jp"),
                argumentSet("ideographic full stop as label separator", "user@例え。jp", "user@xn--r8jz45g.jp"),
                argumentSet("full-width letters fold to ASCII", "user@ｅｘａｍｐｌｅ.com", "user@example.com"),
                argumentSet("punycode stays the same", "user@xn--bcher-kva.de", "user@xn--bcher-kva.de"),
                argumentSet("punycode in upper case", "USER@XN--BCHER-KVA.DE", "user@xn--bcher-kva.de"),
                argumentSet("quoted local part with a space", "\"John Doe\"@example.org", "\"john doe\"@example.org"),
                argumentSet("quoted local part with an @", "\"jane@home\"@example.org", "\"jane@home\"@example.org"),
                argumentSet("quoted local part with escapes", "\"a\\\"b\\\\c\"@example.org",
                        "\"a\\\"b\\\\c\"@example.org"),
                argumentSet("UTF-8 local part (RFC 6531)", "Ünsal@example.de", "ünsal@example.de"));
    }

    @Test
    void theDomainIsKeptAsItsOwnValue() {
        var address = EmailAddress.parse(" Jane@Bücher.DE ");

        assertThat(address.localPart()).isEqualTo("jane");
        assertThat(address.domain()).isEqualTo(new DomainName("xn--bcher-kva.de"));
        assertThat(address.toString()).isEqualTo("jane@xn--bcher-kva.de");
    }

    @ParameterizedTest
    @ValueSource(strings = {"user@Bücher.DE", "user@xn--bcher-kva.de", "USER@XN--BCHER-KVA.de"})
    void anIdnDomainAndItsPunycodeAreOneAddress(String spelling) {
        assertThat(EmailAddress.parse(spelling)).isEqualTo(EmailAddress.parse("user@xn--bcher-kva.de"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "  John.DOE@Sub.Example.CO.UK ",
            "Jane+Newsletter@example.org",
            "user@Bücher.DE",
            "contact@пример.рф",
            "user@例え。jp",
            "\"John Doe\"@example.org",
            "\"a\\\"b\\\\c\"@example.org",
            "Ünsal@example.de",
            "İlker@example.com.tr",
            "user@ｅｘａｍｐｌｅ.com"})
    void normalizationIsIdempotent(String raw) {
        var once = EmailAddress.parse(raw);

        assertThat(EmailAddress.parse(once.value())).isEqualTo(once);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Example.ORG", " example.org ", "EXAMPLE.org"})
    void domainNamesAreTrimmedAndLowerCased(String raw) {
        assertThat(DomainName.parse(raw)).isEqualTo(new DomainName("example.org"));
    }

    // ---------------------------------------------------------------------------------------------
    // RFC 5321 limits: the limits themselves are fine, one octet more is not
    // ---------------------------------------------------------------------------------------------

    @Test
    void aLocalPartOfExactly64OctetsIsAccepted() {
        var local = "a".repeat(64);

        assertThat(EmailAddress.parse(local + "@example.org").localPart()).isEqualTo(local);
    }

    @Test
    void anAddressOfExactly254OctetsIsAccepted() {
        var raw = "a".repeat(64) + "@" + domainOfLength(189);

        assertThat(raw).hasSize(254);
        assertThat(EmailAddress.parse(raw).value()).isEqualTo(raw);
    }

    @Test
    void aDomainLabelOfExactly63CharactersIsAccepted() {
        var raw = "jane@" + "b".repeat(63) + ".example";

        assertThat(EmailAddress.parse(raw).value()).isEqualTo(raw);
    }

    // ---------------------------------------------------------------------------------------------
    // Rejection, with a message a person can act on
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource
    void invalidAddressesAreRejectedWithTheReason(String raw, String reason) {
        assertThatThrownBy(() -> EmailAddress.parse(raw))
                .isInstanceOf(InvalidAddressException.class)
                .hasMessageContaining(reason);
    }

    static Stream<Arguments> invalidAddressesAreRejectedWithTheReason() {
        return Stream.of(
                argumentSet("empty", "", "empty"),
                argumentSet("blank", "   ", "empty"),
                argumentSet("no @", "jane.example.org", "no '@'"),
                argumentSet("empty local part", "@example.org", "empty local part"),
                argumentSet("empty domain", "jane@", "no domain"),
                argumentSet("two dots in the local part", "jane..doe@example.org", "two dots in a row"),
                argumentSet("leading dot in the local part", ".jane@example.org", "start or end with a dot"),
                argumentSet("trailing dot in the local part", "jane.@example.org", "start or end with a dot"),
                argumentSet("two dots in the domain", "jane@example..org", "'example..org'"),
                argumentSet("leading dot in the domain", "jane@.example.org", "'.example.org'"),
                argumentSet("trailing dot in the domain", "jane@example.org.", "'example.org.'"),
                argumentSet("space in the local part", "jane doe@example.org", "contains ' '"),
                argumentSet("space before the @", "jane @example.org", "contains ' '"),
                argumentSet("space in the domain", "jane@exam ple.org", "'exam ple.org'"),
                argumentSet("two @", "jane@doe@example.org", "contains '@'"),
                argumentSet("unclosed quote", "\"jane@example.org", "not closed"),
                argumentSet("unescaped quote inside quotes", "\"ja\"ne\"@example.org", "unescaped quote"),
                argumentSet("control character", "jane\u0000@example.org", "contains"),
                argumentSet("local part of 65 octets", "a".repeat(65) + "@example.org", "longer than 64 octets"),
                argumentSet("local part of 33 two-octet characters", "ü".repeat(33) + "@example.org",
                        "longer than 64 octets"),
                argumentSet("255 octets in all", "a".repeat(64) + "@" + domainOfLength(190), "longer than 254 octets"),
                argumentSet("domain label of 64 characters", "jane@" + "b".repeat(64) + ".example",
                        "'" + "b".repeat(64) + ".example'"),
                argumentSet("single-label domain", "jane@localhost", "at least two dot-separated labels"),
                argumentSet("IPv4 address literal", "jane@[192.0.2.1]", "address literals"),
                argumentSet("IPv6 address literal", "jane@[IPv6:2001:db8::1]", "address literals"),
                argumentSet("numeric TLD", "jane@example.123", "'example.123' is not a valid domain name"),
                argumentSet("bare IPv4 address as domain", "jane@192.0.2.1", "'192.0.2.1' is not a valid domain name"),
                argumentSet("label starting with a hyphen", "jane@-example.org", "'-example.org'"),
                argumentSet("underscore in the domain", "jane@my_host.example.org", "'my_host.example.org'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "example.123", "[192.0.2.1]", "", "-example.org", "exa mple.org"})
    void invalidDomainNamesAreRejected(String raw) {
        assertThatThrownBy(() -> DomainName.parse(raw)).isInstanceOf(InvalidAddressException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Example.org", "xn--bcher-kva.DE", "bücher.de", "example.org.", "localhost"})
    void aDomainNameIsOnlyConstructedFromItsCanonicalForm(String notCanonical) {
        assertThatThrownBy(() -> new DomainName(notCanonical)).isInstanceOf(InvalidAddressException.class);
    }

    @Test
    void aLongInvalidAddressIsShortenedInTheMessage() {
        var raw = "x".repeat(300);

        assertThatThrownBy(() -> EmailAddress.parse(raw))
                .isInstanceOf(InvalidAddressException.class)
                .hasMessageContaining("...")
                .hasMessageNotContaining(raw);
    }

    @ParameterizedTest
    @MethodSource
    void noInputEscapesWithAnythingButInvalidAddressException(String raw) {
        var thrown = catchThrowable(() -> EmailAddress.parse(raw));

        assertThat(thrown).satisfiesAnyOf(
                t -> assertThat(t).isNull(),
                t -> assertThat(t).isInstanceOf(InvalidAddressException.class));
    }

    static Stream<String> noInputEscapesWithAnythingButInvalidAddressException() {
        return Stream.of("@", "@@", "\"", "\"\"", "\"@", "a@[", "a@]", "a@.", "a@..", "a@-", "a@xn--.de",
                "a@xn--zz-.de", "a@\uD800.de", "\uDC00@example.org", "a@\u0000.de", "a@\u200B.de", "a@\u00DF",
                "a@" + "ü".repeat(300) + ".de", "a@" + "b".repeat(10_000) + ".de", "a".repeat(10_000) + "@x.de",
                "\\@example.org", "a@exa\\mple.org", "a@ex%41mple.org", "a@例え.\u3002", "a@\uFF0E\uFF0E",
                "\"\\\"@example.org", "\u00A0jane@example.org", "jane@example.org\u00A0", "jane@\u0130.de");
    }

    // ---------------------------------------------------------------------------------------------
    // Open bugs
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"jane@ example.org", "jane@\texample.org", "jane@\u2003example.org"})
    void whiteSpaceAfterTheAtIsRejectedLikeWhiteSpaceBeforeIt(String raw) {
        // Today DomainName.parse strips the domain part again, so "jane@ example.org" passes as jane@example.org
        // while "jane @example.org" is rejected.
        assertThatThrownBy(() -> EmailAddress.parse(raw))
                .isInstanceOf(InvalidAddressException.class);
    }

    @ParameterizedTest
    @MethodSource
    void idnDomainsFollowIdna2008NotIdna2003(String raw, String normalized) {
        // java.net.IDN implements IDNA2003, which maps ß to "ss" and final sigma to sigma, folding two
        // distinct registered domains (straße.de and strasse.de) into one.
        assertThat(EmailAddress.parse(raw).value()).isEqualTo(normalized);
    }

    static Stream<Arguments> idnDomainsFollowIdna2008NotIdna2003() {
        return Stream.of(
                argumentSet("German sharp s", "info@straße.de", "info@xn--strae-oqa.de"),
                argumentSet("Greek final sigma", "info@ελλάς.gr", "info@xn--hxarsa0b.gr"));
    }

    private static String domainOfLength(int length) {
        // Labels of at most 63 characters, ending in ".org".
        var body = new StringBuilder();
        while (body.length() < length - 4) {
            if (!body.isEmpty()) {
                body.append('.');
            }
            body.append("d".repeat(Math.min(63, length - 4 - body.length())));
        }
        var domain = body + ".org";
        assertThat(domain.getBytes(StandardCharsets.UTF_8)).hasSize(length);
        return domain;
    }
}
