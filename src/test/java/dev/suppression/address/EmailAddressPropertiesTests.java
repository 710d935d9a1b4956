package dev.suppression.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/**
 * Address and domain normalization hold for any input (issue 5, "Bad input"): any Unicode string, including
 * unpaired surrogates, control characters and huge strings, gives a valid normalized address or an
 * {@link InvalidAddressException} naming the problem, never any other exception.
 */
class EmailAddressPropertiesTests {

    private static final String ATEXT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~";

    // ---------------------------------------------------------------------------------------------
    // Any string: a normalized address or a clear rejection
    // ---------------------------------------------------------------------------------------------

    @Property(tries = 3000)
    void anyStringIsANormalizedAddressOrARejectionWithAReason(@ForAll("anyText") String raw) {
        var address = parseOrReject(raw);

        if (address != null) {
            assertIsNormalized(address);
        }
    }

    @Property(tries = 3000)
    void anyAddressShapedStringIsANormalizedAddressOrARejectionWithAReason(@ForAll("addressShaped") String raw) {
        var address = parseOrReject(raw);

        if (address != null) {
            assertIsNormalized(address);
        }
    }

    @Property(tries = 25)
    void hugeStringsAreRejectedWithAReason(@ForAll("hugeText") String raw) {
        var outcome = catchThrowable(() -> EmailAddress.parse(raw));

        assertThat(outcome).isInstanceOf(InvalidAddressException.class);
        assertThat(outcome.getMessage()).isNotBlank();
    }

    @Property(tries = 1000)
    void surroundingWhiteSpaceNeverChangesTheOutcome(@ForAll("addressShaped") String raw,
                                                     @ForAll("whiteSpace") String before,
                                                     @ForAll("whiteSpace") String after) {
        var plain = parseOrReject(raw.strip());
        var padded = parseOrReject(before + raw.strip() + after);

        assertThat(padded).isEqualTo(plain);
    }

    // ---------------------------------------------------------------------------------------------
    // Valid addresses are always accepted, in one normal form
    // ---------------------------------------------------------------------------------------------

    @Property(tries = 2000)
    void generatedAsciiAddressesAreAcceptedLowerCased(@ForAll("asciiAddresses") String raw) {
        var address = EmailAddress.parse(raw);

        assertThat(address.value()).isEqualTo(raw.toLowerCase(Locale.ROOT));
        assertIsNormalized(address);
    }

    @Property(tries = 1000)
    void generatedInternationalAddressesAreAcceptedWithPunycodeDomains(@ForAll("internationalAddresses") String raw) {
        var address = EmailAddress.parse(raw);

        assertThat(address.domain().value()).matches("[a-z0-9.-]+").contains("xn--");
        assertThat(foldSigma(address.localPart()))
                .isEqualTo(foldSigma(raw.substring(0, raw.lastIndexOf('@')).toLowerCase(Locale.ROOT)));
        assertIsNormalized(address);
    }

    @Property(tries = 1000)
    void caseVariantsOfAnAddressAreOneAddress(@ForAll("asciiAddresses") String raw, @ForAll long caseSeed) {
        var variant = flipCase(raw, caseSeed);

        assertThat(EmailAddress.parse(variant)).isEqualTo(EmailAddress.parse(raw));
    }

    @Property(tries = 1000)
    void caseVariantsOfAnInternationalAddressAreOneAddress(@ForAll("internationalAddresses") String raw,
                                                           @ForAll long caseSeed) {
        var variant = flipCase(raw, caseSeed);

        assertThat(EmailAddress.parse(variant)).isEqualTo(EmailAddress.parse(raw));
    }

    // ---------------------------------------------------------------------------------------------
    // Domains on their own
    // ---------------------------------------------------------------------------------------------

    @Property(tries = 3000)
    void anyStringIsACanonicalDomainOrARejectionWithAReason(@ForAll("domainShaped") String raw) {
        var domain = parseDomainOrReject(raw);

        if (domain != null) {
            assertIsCanonical(domain);
        }
    }

    @Property(tries = 2000)
    void anyTextIsACanonicalDomainOrARejectionWithAReason(@ForAll("anyText") String raw) {
        var domain = parseDomainOrReject(raw);

        if (domain != null) {
            assertIsCanonical(domain);
        }
    }

    @Property(tries = 25)
    void hugeDomainsAreRejectedWithAReason(@ForAll("hugeText") String raw) {
        var outcome = catchThrowable(() -> DomainName.parse(raw));

        assertThat(outcome).isInstanceOf(InvalidAddressException.class);
        assertThat(outcome.getMessage()).isNotBlank();
    }

    @Property(tries = 1000)
    void generatedDomainsAreAcceptedLowerCasedInEveryCase(@ForAll("asciiDomains") String raw, @ForAll long caseSeed) {
        var domain = DomainName.parse(flipCase(raw, caseSeed));

        assertThat(domain.value()).isEqualTo(raw.toLowerCase(Locale.ROOT));
        assertIsCanonical(domain);
    }

    // ---------------------------------------------------------------------------------------------
    // Generators
    // ---------------------------------------------------------------------------------------------

    /** Every UTF-16 code unit, unpaired surrogates and controls included. */
    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(300),
                Arbitraries.strings().all().ofMaxLength(300),
                Arbitraries.strings().ascii().ofMaxLength(300));
    }

    /** Strings built from the pieces addresses are made of, and the pieces that break them. */
    @Provide
    Arbitrary<String> addressShaped() {
        var pieces = Arbitraries.of(
                "a", "Z", "0", "jane", "J.Doe", ".", "..", "@", "@@", "\"", "\\", " ", "\t", "\r\n", "\u0000",
                "\u0001", "\u007f", "\u0085", "\u00a0", "é", "Ü", "İ", "ß", "ẞ", "Σ", "\u212a", "ǅ", "中",
                "\ud83d\ude00", "\ud800", "\udc00", "\udbff\udfff", "\u200d", "\u200c", "\u00ad", "\ufeff", "\u202e",
                "\u0661", "\u05d0", "ﬀ", "\u3002", "\uff0e", "\uff20", "xn--", "xn--bcher-kva", "-", "--", "example",
                "com", "Bücher", "de", "[", "]", "[127.0.0.1]", "(", ")", ",", ";", ":", "<", ">", "%", "+tag",
                "!#$%&'*+/=?^`{|}~", "a".repeat(63), "b".repeat(64), "é".repeat(40), "1", "123");
        var glued = pieces.list().ofMaxSize(20).map(p -> String.join("", p));
        var wellFormed = Combinators.combine(pieces.list().ofMinSize(1).ofMaxSize(6), pieces.list().ofMinSize(1).ofMaxSize(6))
                .as((local, domain) -> String.join("", local) + "@" + String.join("", domain) + ".com");
        var quoted = Combinators.combine(anyText().map(t -> t.length() > 40 ? t.substring(0, 40) : t), asciiDomains())
                .as((inner, domain) -> "\"" + inner + "\"@" + domain);
        return Arbitraries.oneOf(glued, wellFormed, quoted, asciiAddresses(), internationalAddresses(),
                asciiAddresses().map(a -> insertAnywhere(a, "\u0000")),
                asciiAddresses().map(a -> "\"" + a.replace("@", "\"@")));
    }

    @Provide
    Arbitrary<String> domainShaped() {
        return Arbitraries.oneOf(addressShaped().map(a -> a.substring(a.lastIndexOf('@') + 1)), asciiDomains(),
                internationalDomains(), asciiDomains().map(d -> d + "."), asciiDomains().map(d -> "[" + d + "]"));
    }

    @Provide
    Arbitrary<String> hugeText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMinLength(10_000).ofMaxLength(100_000),
                Arbitraries.integers().between(300, 100_000).map(n -> "a".repeat(n) + "@example.com"),
                Arbitraries.integers().between(300, 100_000).map(n -> "jane@" + "a.".repeat(n) + "com"),
                Arbitraries.integers().between(300, 100_000).map(n -> "\"" + "\\\"".repeat(n) + "\"@example.com"));
    }

    @Provide
    Arbitrary<String> whiteSpace() {
        return Arbitraries.strings().withChars(" \t\r\n\u000b\f\u2003\u3000").ofMaxLength(5);
    }

    /** Dot-atoms over atext (RFC 5322 3.2.3) at LDH domains, within the RFC 5321 limits. */
    @Provide
    Arbitrary<String> asciiAddresses() {
        var atoms = Arbitraries.strings().withChars(ATEXT).ofMinLength(1).ofMaxLength(20);
        var localParts = atoms.list().ofMinSize(1).ofMaxSize(4).map(a -> String.join(".", a))
                .filter(l -> l.length() <= EmailAddress.MAX_LOCAL_PART_OCTETS);
        return Combinators.combine(localParts, asciiDomains()).as((local, domain) -> local + "@" + domain)
                .filter(a -> a.length() <= EmailAddress.MAX_ADDRESS_OCTETS);
    }

    @Provide
    Arbitrary<String> asciiDomains() {
        var inner = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
                .ofMaxLength(61);
        var edge = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                .ofLength(1);
        var labels = Arbitraries.oneOf(edge,
                        Combinators.combine(edge, inner, edge).as((first, middle, last) -> first + middle + last))
                // "xn--" opens a punycode label, which has rules of its own.
                .filter(l -> !l.toLowerCase(Locale.ROOT).startsWith("xn--"));
        var topLevel = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
                .ofMinLength(2).ofMaxLength(12);
        return Combinators.combine(labels.list().ofMinSize(1).ofMaxSize(4), topLevel)
                .as((names, tld) -> String.join(".", names) + "." + tld)
                .filter(d -> d.length() <= 253);
    }

    /** RFC 6531 local parts of letters in several scripts, at IDN domains. */
    @Provide
    Arbitrary<String> internationalAddresses() {
        var letters = Arbitraries.strings().withChars("abcxyzéèüößñçøåжщяαβγσς中文字日本ก").ofMinLength(1).ofMaxLength(12);
        var localParts = letters.list().ofMinSize(1).ofMaxSize(3).map(a -> String.join(".", a))
                .filter(l -> octets(l) <= EmailAddress.MAX_LOCAL_PART_OCTETS);
        return Combinators.combine(localParts, internationalDomains()).as((local, domain) -> local + "@" + domain);
    }

    @Provide
    Arbitrary<String> internationalDomains() {
        var idnLabels = Arbitraries.of("bücher", "münchen", "straße", "пример", "例え", "δοκιμή", "ñandú", "çevre",
                "café", "日本語", "mañana");
        var tlds = Arbitraries.of("de", "com", "рф", "jp", "gr", "es", "org");
        return Combinators.combine(Arbitraries.of("", "www.", "mail."), idnLabels, tlds)
                .as((sub, label, tld) -> sub + label + "." + tld);
    }

    // ---------------------------------------------------------------------------------------------
    // Assertions
    // ---------------------------------------------------------------------------------------------

    /** The address, or null after checking that the rejection is an InvalidAddressException with a reason. */
    private static @Nullable EmailAddress parseOrReject(String raw) {
        try {
            return EmailAddress.parse(raw);
        } catch (InvalidAddressException e) {
            assertThat(e.getMessage()).as("the reason given for rejecting %s", codeUnits(raw)).isNotBlank();
            return null;
        }
    }

    private static @Nullable DomainName parseDomainOrReject(String raw) {
        try {
            return DomainName.parse(raw);
        } catch (InvalidAddressException e) {
            assertThat(e.getMessage()).as("the reason given for rejecting %s", codeUnits(raw)).isNotBlank();
            return null;
        }
    }

    private static void assertIsNormalized(EmailAddress address) {
        var value = address.value();
        assertThat(value).isEqualTo(value.toLowerCase(Locale.ROOT));
        assertThat(value).isEqualTo(value.strip());
        assertThat(octets(value)).isLessThanOrEqualTo(EmailAddress.MAX_ADDRESS_OCTETS);
        assertThat(octets(address.localPart())).isLessThanOrEqualTo(EmailAddress.MAX_LOCAL_PART_OCTETS);
        assertThat(isWellFormedUnicode(value)).as("%s is well-formed Unicode (UTF-8 can carry it)", codeUnits(value))
                .isTrue();
        assertThat(value).doesNotContain("\u0000");
        assertThat(EmailAddress.parse(value)).as("re-parsing %s", value).isEqualTo(address);
        assertIsCanonical(address.domain());
    }

    private static void assertIsCanonical(DomainName domain) {
        var value = domain.value();
        assertThat(value).matches("[a-z0-9.-]+").hasSizeLessThanOrEqualTo(253).doesNotStartWith(".").doesNotEndWith(".");
        assertThat(value.split("\\.")).hasSizeGreaterThanOrEqualTo(2).allSatisfy(label -> assertThat(label)
                .isNotEmpty().hasSizeLessThanOrEqualTo(63).doesNotStartWith("-").doesNotEndWith("-"));
        assertThat(DomainName.parse(value)).as("re-parsing %s", value).isEqualTo(domain);
    }

    private static boolean isWellFormedUnicode(String s) {
        var encoder = StandardCharsets.UTF_8.newEncoder();
        return encoder.canEncode(s);
    }

    private static List<String> codeUnits(String s) {
        return s.chars().mapToObj(c -> c < 128 && c >= 32 ? String.valueOf((char) c) : String.format("\\u%04x", c))
                .toList();
    }

    private static int octets(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String flipCase(String s, long seed) {
        var random = new java.util.Random(seed);
        var out = new StringBuilder(s.length());
        s.codePoints().forEach(c -> out.appendCodePoint(
                random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c)));
        return out.toString();
    }

    /** Final sigma (ς) and sigma (σ) are one letter in two positions; lower-casing picks by position. */
    private static String foldSigma(String s) {
        return s.replace('ς', 'σ');
    }

    private static String insertAnywhere(String s, String inserted) {
        int at = Math.floorMod(s.hashCode(), s.length() + 1);
        return s.substring(0, at) + inserted + s.substring(at);
    }
}
