package dev.suppression.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.WithNull;
import org.junit.jupiter.api.Test;

/**
 * Status-code and diagnostic parsing hold for any input (issue 5, "Bad input"): reply codes (RFC 5321) and
 * enhanced status codes (RFC 3463) are found in any text without an exception, whatever is found is a real
 * code, and the classifier decides every combination of code, enhanced code and text the same way each time,
 * never turning a policy block or a temporary failure into a hard bounce.
 */
class StatusCodePropertiesTests {

    private final BounceClassifier classifier = new BounceClassifier();

    // ---------------------------------------------------------------------------------------------
    // Parsing codes out of any text
    // ---------------------------------------------------------------------------------------------

    @Property(tries = 3000)
    void enhancedCodesParsedFromAnyTextAreRealCodes(@ForAll("diagnostics") String text) {
        var exact = EnhancedStatusCode.parse(text);
        var found = EnhancedStatusCode.find(text);

        exact.ifPresent(code -> {
            assertIsRealEnhancedCode(code);
            assertThat(code.toString()).isEqualTo(canonicalEnhanced(text.strip()));
        });
        found.ifPresent(StatusCodePropertiesTests::assertIsRealEnhancedCode);
        if (exact.isPresent()) {
            assertThat(found).as("a text that is a code on its own contains that code").isEqualTo(exact);
        }
    }

    @Property(tries = 3000)
    void replyCodesFoundInAnyTextAreRealCodes(@ForAll("diagnostics") String text) {
        SmtpReplyCode.find(text).ifPresent(code -> {
            assertThat(SmtpReplyCode.isValid(code.value())).isTrue();
            assertThat(code.value() / 100).isIn(2, 4, 5);
            assertThat(text).contains(String.valueOf(code.value()));
        });
    }

    @Property(tries = 2000)
    void codesOpeningAnSmtpResponseAreFound(@ForAll("replyCodes") int reply, @ForAll("enhancedCodes") String enhanced,
                                            @ForAll("responsePrefixes") String prefix,
                                            @ForAll("separators") String separator, @ForAll("responseTexts") String rest) {
        var response = prefix + reply + separator + enhanced + " " + rest;

        assertThat(SmtpReplyCode.find(response)).contains(new SmtpReplyCode(reply));
        assertThat(EnhancedStatusCode.find(response).map(EnhancedStatusCode::toString))
                .contains(canonicalEnhanced(enhanced));
    }

    @Property(tries = 1000)
    void anEnhancedCodeWrittenOnItsOwnParsesToItself(@ForAll("enhancedCodes") String enhanced,
                                                     @ForAll("blanks") String before, @ForAll("blanks") String after) {
        var code = EnhancedStatusCode.parse(before + enhanced + after);

        assertThat(code.map(EnhancedStatusCode::toString)).contains(canonicalEnhanced(enhanced));
        assertThat(code.flatMap(c -> EnhancedStatusCode.parse(c.toString()))).isEqualTo(code);
    }

    // ---------------------------------------------------------------------------------------------
    // The classifier
    // ---------------------------------------------------------------------------------------------

    @Property(tries = 3000)
    void theClassifierDecidesAnyCombinationTheSameWayEachTime(@ForAll("anyReplyCode") @WithNull(0.2) Integer reply,
                                                             @ForAll("anyEnhancedCode") @WithNull(0.2) String enhanced,
                                                             @ForAll("diagnostics") @WithNull(0.2) String diagnostic) {
        var first = classifier.classify(reply, enhanced, diagnostic);
        var second = new BounceClassifier().classify(reply, enhanced, diagnostic);

        assertThat(first).isEqualTo(second);
        assertThat(first.classification()).isNotNull();
        if (first.replyCode() != null) {
            assertThat(SmtpReplyCode.isValid(first.replyCode().value())).isTrue();
        }
        if (first.enhancedCode() != null) {
            assertIsRealEnhancedCode(first.enhancedCode());
        }
    }

    @Property(tries = 2000)
    void aPolicyCodeIsNeverAHardBounceWhateverTheText(@ForAll("anyReplyCode") @WithNull(0.3) Integer reply,
                                                      @ForAll @IntRange(max = 999) int detail,
                                                      @ForAll("diagnostics") @WithNull(0.1) String diagnostic) {
        var diagnosis = classifier.classify(reply, "5.7." + detail, diagnostic);

        assertThat(diagnosis.classification()).isEqualTo(Classification.POLICY);
    }

    @Property(tries = 2000)
    void aPolicyCodeInTheResponseTextIsNeverAHardBounce(@ForAll("replyCodes") int reply,
                                                        @ForAll @IntRange(max = 999) int detail,
                                                        @ForAll("hardBounceWording") String wording) {
        var diagnosis = classifier.classify(null, null, reply + " 5.7." + detail + " " + wording);

        assertThat(diagnosis.classification()).isEqualTo(Classification.POLICY);
    }

    @Property(tries = 2000)
    void aPolicyBlockNeverSuppressesWhateverUserUnknownWordsComeWithIt(
            @ForAll("permanentOrNoReplyCode") @WithNull(0.3) Integer reply, @ForAll("policyWording") String policy,
            @ForAll("hardBounceWording") String hard, @ForAll boolean policyFirst) {
        var diagnostic = policyFirst ? policy + "; " + hard : hard + "; " + policy;

        var diagnosis = classifier.classify(reply, null, diagnostic);

        assertThat(diagnosis.classification().isHardBounce()).as(diagnostic).isFalse();
        assertThat(diagnosis.reason().suppressesWhenPermanent()).as(diagnostic).isFalse();
    }

    @Property(tries = 2000)
    void aTemporaryEnhancedCodeIsNeverAHardBounce(@ForAll("anyReplyCode") @WithNull(0.3) Integer reply,
                                                  @ForAll @IntRange(max = 999) int subject,
                                                  @ForAll @IntRange(max = 999) int detail,
                                                  @ForAll("diagnostics") @WithNull(0.1) String diagnostic) {
        var diagnosis = classifier.classify(reply, "4." + subject + "." + detail, diagnostic);

        assertThat(diagnosis.classification().isHardBounce()).isFalse();
        // Sender-rejection wording makes it a policy matter; either way nothing is suppressed.
        assertThat(diagnosis.classification()).isIn(Classification.TRANSIENT, Classification.MAILBOX_FULL,
                Classification.POLICY);
    }

    @Property(tries = 2000)
    void aTemporaryResponseIsNeverAHardBounce(@ForAll @IntRange(min = 400, max = 459) int reply,
                                              @ForAll @IntRange(max = 999) int subject,
                                              @ForAll @IntRange(max = 999) int detail,
                                              @ForAll("hardBounceWording") String wording) {
        var diagnosis = classifier.classify(null, null, reply + " 4." + subject + "." + detail + " " + wording);

        assertThat(diagnosis.classification().isHardBounce()).isFalse();
    }

    @Property(tries = 1000)
    void aTemporaryReplyCodeWithoutAnEnhancedCodeIsNeverAHardBounce(@ForAll @IntRange(min = 400, max = 499) int reply,
                                                                    @ForAll("hardBounceWording") String wording) {
        var diagnosis = classifier.classify(reply, null, wording);

        assertThat(diagnosis.classification().isHardBounce()).isFalse();
    }

    @Property(tries = 1000)
    void rejectionsOfOurOwnSenderAreAPolicyMatterWhateverTheCode(@ForAll("anyReplyCode") @WithNull(0.3) Integer reply,
                                                                @ForAll("anyEnhancedCode") @WithNull(0.3) String enhanced,
                                                                @ForAll("senderRejections") String wording) {
        var diagnosis = classifier.classify(reply, enhanced, wording);

        assertThat(diagnosis.classification()).isEqualTo(Classification.POLICY);
    }

    /**
     * The longest diagnostic a reporter may send is 10,000 characters and a batch holds 1,000 events, so the
     * classifier must stay linear in the text: a batch must not cost minutes of CPU.
     */
    @Test
    void longDiagnosticsAreClassifiedInLinearTime() {
        var unbroken = "x".repeat(10_000);
        classifier.classify(550, null, "warm up " + unbroken.substring(0, 100));

        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            classifier.classify(550, null, unbroken + i);
        }
        var elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(elapsed).as("classifying five 10,000-character diagnostics").isLessThan(Duration.ofSeconds(1));
    }

    // ---------------------------------------------------------------------------------------------
    // Generators
    // ---------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> diagnostics() {
        var words = Arbitraries.of("550", "5.1.1", "4.2.2", "5.7.1", "5.7.26", "421", "452", "553", "250", "2.0.0",
                "1.5.1.1", "v2.5.1", "5.1.1.", "#5.1.1", "550-5.1.1", "5.1.10", "999.9.9", "5.1234.1", "user unknown",
                "mailbox full", "over quota", "spam", "blocked", "policy", "spf", "dmarc", "host unknown",
                "sender address rejected", "recipient address rejected", "does not exist", "<jane@example.org>",
                "jane.spfeiffer@example.org", "said:", "SMTP error", "(", ")", "\"", ";", ",", "\u0000", "\n", "\t",
                " ", "  ", "-", ".", ":", "\ud800", "\ud83d\ude00", "Σ", "İ", "٥", "５", "x".repeat(300));
        return Arbitraries.oneOf(
                words.list().ofMaxSize(25).map(w -> String.join(" ", w)),
                words.list().ofMaxSize(25).map(w -> String.join("", w)),
                Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(200),
                Arbitraries.strings().withChars("0123456789.- #<>@:").ofMaxLength(60),
                Arbitraries.strings().all().ofMaxLength(200));
    }

    @Provide
    Arbitrary<Integer> anyReplyCode() {
        return Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.integers().between(-1, 1000),
                Arbitraries.integers().between(200, 599));
    }

    @Provide
    Arbitrary<String> anyEnhancedCode() {
        return Arbitraries.oneOf(enhancedCodes(), diagnostics(),
                Arbitraries.strings().withChars("0123456789.").ofMaxLength(12));
    }

    @Provide
    Arbitrary<Integer> replyCodes() {
        return Arbitraries.of(2, 4, 5).flatMap(c -> Arbitraries.integers().between(c * 100, c * 100 + 59));
    }

    @Provide
    Arbitrary<String> enhancedCodes() {
        var part = Arbitraries.oneOf(Arbitraries.integers().between(0, 999).map(String::valueOf),
                Arbitraries.integers().between(0, 99).map(n -> String.format("%03d", n)));
        return Combinators.combine(Arbitraries.of(2, 4, 5), part, part).as((c, s, d) -> c + "." + s + "." + d);
    }

    @Provide
    Arbitrary<String> responsePrefixes() {
        return Arbitraries.of("", "host mx1.example.org[192.0.2.1] said: ", "SMTP error from remote mail server after RCPT TO: ",
                "smtp; ", "Remote server replied: ", "\n");
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of(" ", "-", "  ");
    }

    @Provide
    Arbitrary<String> responseTexts() {
        var words = Arbitraries.of("<jane@example.org>:", "Recipient", "address", "rejected:", "User", "unknown", "in",
                "virtual", "mailbox", "table", "The", "email", "account", "that", "you", "tried", "to", "reach", "is",
                "over", "quota", "blocked", "using", "zen.spamhaus.org", "(", ")", "-", "#", "Please", "try", "again");
        return words.list().ofMaxSize(15).map(w -> String.join(" ", w));
    }

    @Provide
    Arbitrary<String> hardBounceWording() {
        var phrases = Arbitraries.of("<jane@example.org>: Recipient address rejected: User unknown in virtual mailbox table",
                "no such user", "user unknown", "mailbox not found", "does not exist", "invalid recipient",
                "unknown recipient", "Host unknown", "domain not found", "The email account that you tried to reach does not exist",
                "Address rejected", "mailbox unavailable", "no mailbox here by that name");
        return Combinators.combine(phrases, responseTexts()).as((phrase, tail) -> phrase + " " + tail);
    }

    @Provide
    Arbitrary<Integer> permanentOrNoReplyCode() {
        return Arbitraries.of(550, 551, 552, 553, 554, 556);
    }

    @Provide
    Arbitrary<String> policyWording() {
        return Arbitraries.of("Client host [192.0.2.1] blocked using zen.spamhaus.org", "listed at bl.spamcop.net",
                "rejected due to poor reputation", "Message rejected as spam", "likely unsolicited mail",
                "SPF check failed for the sender", "DKIM signature invalid", "DMARC policy reject",
                "unauthenticated sender", "Relay access denied", "rejected by content filter",
                "Message content rejected", "virus found in the message", "denied by policy",
                "Blocked by Proofpoint", "Access denied, banned sending IP [192.0.2.1]",
                "Service refused, IP on a blacklist", "not authorized to send to this group");
    }

    @Provide
    Arbitrary<String> senderRejections() {
        var phrases = Arbitraries.of("Sender address rejected: Domain not found", "sender verify failed",
                "Verification failed for <bounce@sender.example>", "Domain of sender address does not exist",
                "SENDER ADDRESS REJECTED: user unknown");
        return Combinators.combine(Arbitraries.of("", "550 ", "550 5.1.1 ", "553 5.1.8 ", "450 4.1.8 "), phrases,
                responseTexts()).as((code, phrase, tail) -> code + phrase + " " + tail);
    }

    @Provide
    Arbitrary<String> blanks() {
        return Arbitraries.strings().withChars(" \t\r\n").ofMaxLength(3);
    }

    // ---------------------------------------------------------------------------------------------

    private static void assertIsRealEnhancedCode(EnhancedStatusCode code) {
        assertThat(code.statusClass()).isIn(2, 4, 5);
        assertThat(code.subject()).isBetween(0, 999);
        assertThat(code.detail()).isBetween(0, 999);
    }

    /** The code as the service writes it: leading zeros dropped ("5.01.001" is 5.1.1). */
    private static String canonicalEnhanced(String code) {
        var parts = code.split("\\.");
        return Integer.parseInt(parts[0]) + "." + Integer.parseInt(parts[1]) + "." + Integer.parseInt(parts[2]);
    }
}
