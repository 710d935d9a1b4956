package dev.suppression.provider.ses;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.bounce.Origin;
import dev.suppression.classification.BounceClassifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SesBounceTests {

    private final BounceClassifier classifier = new BounceClassifier();

    @ParameterizedTest(name = "{0}/{1} without a DSN means {2}: {3}")
    @CsvSource(nullValues = "none", textBlock = """
            Permanent,    General,                  5.1.1, USER_UNKNOWN
            Permanent,    NoEmail,                  5.1.1, USER_UNKNOWN
            Permanent,    Suppressed,               5.1.1, USER_UNKNOWN
            Permanent,    OnAccountSuppressionList, 5.1.1, USER_UNKNOWN
            Permanent,    MailboxFull,              5.2.2, MAILBOX_FULL
            Permanent,    MessageTooLarge,          5.3.4, POLICY
            Permanent,    ContentRejected,          5.7.1, POLICY
            Permanent,    AttachmentRejected,       5.7.1, POLICY
            Permanent,    SomethingNew,             none,  UNDETERMINED
            Transient,    General,                  4.0.0, TRANSIENT
            Transient,    MailboxFull,              4.2.2, MAILBOX_FULL
            Transient,    MessageTooLarge,          4.3.4, TRANSIENT
            Transient,    ContentRejected,          5.7.1, POLICY
            Transient,    AttachmentRejected,       5.7.1, POLICY
            Undetermined, Undetermined,             none,  UNDETERMINED
            """)
    void withoutADsnTheSubTypeSuppliesTheMeaning(String type, String subType, String code, String classification) {
        var bounce = SesBounce.of(type, subType);

        var enhanced = bounce.enhancedCode(null, null);

        assertThat(enhanced).isEqualTo(code);
        assertThat(classifier.classify(null, enhanced, bounce.diagnostic(null)).classification().name())
                .isEqualTo(classification);
    }

    @ParameterizedTest(name = "{0}/{1} with status {2}: {3}")
    @CsvSource(nullValues = "none", textBlock = """
            Permanent,    General,         5.1.1, 5.1.1
            Permanent,    General,         5.7.1, 5.7.1
            Transient,    General,         5.1.1, 4.1.1
            Transient,    MailboxFull,     5.2.2, 4.2.2
            Transient,    ContentRejected, 5.7.1, 5.7.1
            Transient,    General,         4.4.7, 4.4.7
            Undetermined, Undetermined,    5.1.1, 5.1.1
            """)
    void theRecipientsStatusDecidesButATransientBounceIsNeverPermanent(String type, String subType, String status,
                                                                         String code) {
        assertThat(SesBounce.of(type, subType).enhancedCode(status, "smtp; 550 something")).isEqualTo(code);
    }

    @Test
    void aDiagnosticWithoutStatusIsLeftToTheClassifier() {
        var bounce = SesBounce.of("Permanent", "General");

        assertThat(bounce.enhancedCode(null, "smtp; 550 blocked by policy")).isNull();
        assertThat(bounce.diagnostic("smtp; 550 blocked by policy")).isEqualTo("smtp; 550 blocked by policy");
    }

    @Test
    void aTransientDiagnosticsPermanentCodeIsTakenAsTemporary() {
        assertThat(SesBounce.of("Transient", "General").enhancedCode(null, "smtp; 550 5.1.1 user unknown"))
                .isEqualTo("4.1.1");
    }

    @ParameterizedTest
    @CsvSource({"Suppressed, SENDER", "OnAccountSuppressionList, SENDER", "General, RECIPIENT", "NoEmail, RECIPIENT"})
    void sesOwnListsAreSenderOrigin(String subType, Origin origin) {
        assertThat(SesBounce.of("Permanent", subType).origin()).isEqualTo(origin);
    }

    @Test
    void anUnknownOrMissingBounceTypeIsUndetermined() {
        assertThat(SesBounce.of(null, null)).isEqualTo(new SesBounce(SesBounce.Type.UNDETERMINED, "Undetermined"));
        assertThat(SesBounce.of("Sideways", "General").type()).isEqualTo(SesBounce.Type.UNDETERMINED);
    }
}
