package dev.suppression.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The stage rule: only a refusal of the recipient can say its mailbox does not exist. Before {@code RCPT} the
 * receiver is refusing us; after {@code DATA} a "no such user" is a filter's verdict unless it plainly is not.
 */
class StageRuleTests {

    private final BounceClassifier classifier = new BounceClassifier();

    @ParameterizedTest(name = "{0}: {1} {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # stage  | reply | status | diagnostic                                          | reason
            CONNECT  | 554   | -      | 554 No such user here                               | BLOCKED
            CONNECT  | 550   | 5.1.1  | 550 5.1.1 Mailbox unknown                           | BLOCKED
            HELO     | 550   | 5.1.1  | 550 5.1.1 User unknown                              | BLOCKED
            HELO     | 501   | 5.1.2  | 501 5.1.2 Host unknown                              | BLOCKED
            MAIL     | 550   | 5.1.1  | 550 5.1.1 No such user                              | SENDER_REJECTED
            MAIL     | 553   | -      | 553 Domain does not exist                           | SENDER_REJECTED
            MAIL     | 551   | 5.1.6  | 551 5.1.6 User has moved                            | SENDER_REJECTED
            MAIL     | 550   | -      | 550 Refused                                         | SENDER_REJECTED
            """)
    void aRejectionBeforeRcptNeverSuppressesWhateverItsCodeSays(SmtpStage stage, @Nullable Integer reply,
                                                               @Nullable String status, String diagnostic,
                                                               BounceReason reason) {
        var diagnosis = classifier.classify(reply, status, diagnostic, stage);

        assertThat(diagnosis.reason()).isEqualTo(reason);
        assertThat(diagnosis.classification()).isEqualTo(Classification.POLICY);
        assertThat(diagnosis.detail()).contains("before any recipient was named").contains("not suppressed");
    }

    @Test
    void aRejectionAfterMailFromNeverSuppresses() {
        var diagnosis = classifier.classify(null, null, "SMTP error from remote mail server after MAIL FROM:"
                + "<news@sender.example> SIZE=20480: 550 5.1.1 <news@sender.example>... No such user");

        assertThat(diagnosis.reason()).isEqualTo(BounceReason.SENDER_REJECTED);
        assertThat(diagnosis.classification().isHardBounce()).isFalse();
        assertThat(diagnosis.detail()).startsWith("refused after MAIL FROM");
    }

    @Test
    void aRejectedHeloNameNeverSuppresses() {
        var diagnosis = classifier.classify(null, null,
                "Connected to 192.0.2.9 but my name was rejected. Remote host said: 550 5.1.1 Unknown host name");

        assertThat(diagnosis.reason()).isEqualTo(BounceReason.BLOCKED);
        assertThat(diagnosis.classification().isHardBounce()).isFalse();
        assertThat(diagnosis.detail()).startsWith("refused at HELO/EHLO");
    }

    @ParameterizedTest
    @EnumSource(value = SmtpStage.class, names = {"CONNECT", "HELO", "MAIL"})
    void aPolicyReasonBeforeRcptKeepsItsOwnName(SmtpStage stage) {
        var diagnosis = classifier.classify(550, "5.7.1", "550 5.7.1 Client host blocked using a block list", stage);

        assertThat(diagnosis.reason()).isEqualTo(BounceReason.BLOCKED);
        assertThat(diagnosis.detail()).isNull();
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # reply | status | diagnostic                                               | reason       | suppresses
            550     | -      | 550 Unknown user                                         | FILTERED     | false
            550     | 5.1.1  | 550 5.1.1 Message refused                                | FILTERED     | false
            550     | 5.0.0  | 550 5.0.0 No such user                                   | FILTERED     | false
            553     | -      | 553 Recipient does not exist                             | FILTERED     | false
            550     | 5.1.1  | 550 5.1.1 <ann@shop.example>: User unknown               | USER_UNKNOWN | true
            550     | 5.1.1  | 550 5.1.1 The mailbox does not exist                     | USER_UNKNOWN | true
            550     | 5.1.1  | 550 5.1.1 Requested action not taken: mailbox unavailable | USER_UNKNOWN | true
            554     | 5.7.1  | 554 5.7.1 Message rejected as spam                       | SPAM_DETECTED | false
            """)
    void aUserUnknownAfterDataIsARecipientSideFilterUnlessItPlainlySaysTheMailboxIsGone(
            @Nullable Integer reply, @Nullable String status, String diagnostic, BounceReason reason, boolean suppresses) {
        var diagnosis = classifier.classify(reply, status, diagnostic, SmtpStage.DATA);

        assertThat(diagnosis.reason()).isEqualTo(reason);
        assertThat(diagnosis.classification().isHardBounce()).isEqualTo(suppresses);
    }

    @Test
    void aFilteredRecipientIsKeptAsEvidenceAndTheReasonSaysWhy() {
        var diagnosis = classifier.classify(null, null,
                "host mx.shop.example[192.0.2.7] said: 550 Unknown user (in reply to end of DATA command)");

        assertThat(diagnosis.reason()).isEqualTo(BounceReason.FILTERED);
        assertThat(diagnosis.classification()).isEqualTo(Classification.UNDETERMINED);
        assertThat(diagnosis.detail()).contains("recipient-side filter").contains("not suppressed");
    }

    @Test
    void aPlainUserUnknownAfterDataSaysWhyItStillSuppresses() {
        var diagnosis = classifier.classify(550, "5.1.1", "550 5.1.1 User unknown", SmtpStage.DATA);

        assertThat(diagnosis.classification()).isEqualTo(Classification.USER_UNKNOWN);
        assertThat(diagnosis.detail()).contains("5.1.1").contains("mailbox does not exist");
    }

    @ParameterizedTest
    @EnumSource(value = SmtpStage.class, names = {"RCPT", "UNKNOWN"})
    void aUserUnknownAtRcptOrAnUnknownStageSuppressesAsBefore(SmtpStage stage) {
        var diagnosis = classifier.classify(550, "5.1.1", "550 5.1.1 Mailbox unknown", stage);

        assertThat(diagnosis.reason()).isEqualTo(BounceReason.USER_UNKNOWN);
        assertThat(diagnosis.classification().isHardBounce()).isTrue();
        assertThat(diagnosis.detail()).isNull();
    }

    @Test
    void aStageTheReporterNamesOutranksTheText() {
        var diagnosis = classifier.classify(550, "5.1.1",
                "550 5.1.1 User unknown (in reply to RCPT TO command)", SmtpStage.MAIL);

        assertThat(diagnosis.reason()).isEqualTo(BounceReason.SENDER_REJECTED);
    }

    @Test
    void aTemporaryRefusalAfterMailFromIsStillASenderRejection() {
        var diagnosis = classifier.classify(450, "4.1.1", "450 4.1.1 User unknown", SmtpStage.MAIL);

        assertThat(diagnosis.reason()).isEqualTo(BounceReason.SENDER_REJECTED);
        assertThat(diagnosis.classification()).isEqualTo(Classification.POLICY);
    }
}
