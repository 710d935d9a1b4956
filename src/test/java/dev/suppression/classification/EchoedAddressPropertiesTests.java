package dev.suppression.classification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Echoed addresses are taken out of a diagnostic before its words are read, so that
 * {@code <policyholder@insurer.example>} never reads as "policy". The classifier does it with a scanner; this
 * regular expression is the rule the scanner must follow, character for character, on any text.
 */
class EchoedAddressPropertiesTests {

    private static final Pattern RULE = Pattern.compile(
            "<[^<>\\s]*>|(?<![^\\s<>\"',;()\\[\\]])[^\\s<>\"',;()\\[\\]@]+@[^\\s<>\"',;()\\[\\]]+");

    @Property(tries = 5000)
    void theScannerRemovesExactlyWhatTheRuleRemoves(@ForAll("diagnosticLike") String text) {
        assertThat(BounceClassifier.withoutAddresses(text)).isEqualTo(RULE.matcher(text).replaceAll(" "));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            550 5.1.1 <policyholder@insurer.example>: Recipient address rejected  | 550 5.1.1  : Recipient address rejected
            user spfeiffer@example.com does not exist                             | user   does not exist
            mail to "a@b" (c@d) [e@f] failed                                      | mail to " " ( ) [ ] failed
            no address here                                                       | no address here
            trailing @ sign and <unclosed                                         | trailing @ sign and <unclosed
            """)
    void echoedAddressesBecomeSpaces(String text, String expected) {
        assertThat(BounceClassifier.withoutAddresses(text)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<String> diagnosticLike() {
        return Arbitraries.strings().withChars("ab.@<>\"',;()[] \t\n-_+é’").ofMaxLength(40);
    }
}
