package dev.suppression.dsn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.suppression.classification.EnhancedStatusCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryStatusReportTests {

    @Test
    void foldedFieldsAreUnfoldedAndTheDiagnosticTypeIsStripped() {
        var report = DeliveryStatusReport.parse("""
                Reporting-MTA: dns; mail.sender.example

                Final-Recipient: rfc822; jane@example.org
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 <jane@example.org>:
                    Recipient address rejected:
                \tUser unknown
                """);

        assertThat(report.failed()).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo("jane@example.org");
            assertThat(r.diagnostic()).isEqualTo("550 5.1.1 <jane@example.org>: Recipient address rejected: User unknown");
            assertThat(r.smtpCode()).isEqualTo(550);
            assertThat(r.reportingMta()).isEqualTo("mail.sender.example");
            assertThat(r.remoteMta()).isNull();
        });
    }

    @Test
    void recipientsWrittenBackToBackWithoutBlankLinesAreStillTold() {
        var report = DeliveryStatusReport.parse("""
                Reporting-MTA: dns; mail.sender.example
                Final-Recipient: rfc822; a@example.org
                Action: failed
                Status: 5.1.1
                Final-Recipient: rfc822; b@example.org
                Action: failed
                Status: 5.2.2
                """);

        assertThat(report.failed()).extracting(FailedRecipient::recipient, FailedRecipient::status, FailedRecipient::reportingMta)
                .containsExactly(tuple("a@example.org", "5.1.1", "mail.sender.example"),
                        tuple("b@example.org", "5.2.2", "mail.sender.example"));
    }

    @Test
    void eximsActionBeforeFinalRecipientBelongsToThatRecipient() {
        var report = DeliveryStatusReport.parse("""
                Reporting-MTA: dns; relay.sender.example

                Action: failed
                Final-Recipient: rfc822;a@example.org
                Status: 5.0.0

                Action: delayed
                Final-Recipient: rfc822;b@example.org
                Status: 4.0.0
                """);

        assertThat(report.failed()).extracting(FailedRecipient::recipient, FailedRecipient::action)
                .containsExactly(tuple("a@example.org", DeliveryAction.FAILED), tuple("b@example.org", DeliveryAction.DELAYED));
    }

    @Test
    void deliveredRelayedAndExpandedRecipientsAreNotBounces() {
        var report = DeliveryStatusReport.parse("""
                Reporting-MTA: dns; mail.sender.example

                Final-Recipient: rfc822; a@example.org
                Action: delivered (to mailbox)
                Status: 2.0.0

                Final-Recipient: rfc822; b@example.org
                Action: relayed
                Status: 2.0.0

                Final-Recipient: rfc822; c@example.org
                Action: expanded
                Status: 2.0.0

                Final-Recipient: rfc822; d@example.org
                Action: Failed
                Status: 5.1.2
                """);

        assertThat(report.failed()).extracting(FailedRecipient::recipient).containsExactly("d@example.org");
        assertThat(report.skipped()).containsExactly("delivered (to mailbox)", "relayed", "expanded");
    }

    @Test
    void theOriginalRecipientIsTheAddressTheSenderMailed() {
        var report = DeliveryStatusReport.parse("""
                Original-Recipient: rfc822;info@example.org
                Final-Recipient: rfc822; <Jane.Doe@mailhost.example.org>
                Action: failed
                Status: 5.1.1
                Remote-MTA: dns; MX.example.org. (192.0.2.1)
                """);

        assertThat(report.failed()).singleElement().satisfies(r -> {
            assertThat(r.recipient()).isEqualTo("info@example.org");
            assertThat(r.finalRecipient()).isEqualTo("Jane.Doe@mailhost.example.org");
            assertThat(r.remoteMta()).isEqualTo("mx.example.org");
        });
    }

    @Test
    void aNonInternetOriginalRecipientFallsBackToTheFinalRecipient() {
        var report = DeliveryStatusReport.parse("""
                Original-Recipient: x400; /c=us/admd=mci/prmd=acme/o=sales/s=doe/
                Final-Recipient: rfc822; jane@example.org
                Action: failed
                Status: 5.1.1
                """);

        assertThat(report.failed()).singleElement().extracting(FailedRecipient::recipient).isEqualTo("jane@example.org");
    }

    @ParameterizedTest(name = "{0} {1} with \"{2}\" -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            FAILED  | 5.1.1 | 550 5.7.1 blocked                 | 5.1.1
            FAILED  | 5.0.0 | 550 5.1.1 user unknown            | 5.1.1
            FAILED  | 5.0.0 | 550 no such user                  | 5.0.0
            FAILED  | 5.0.0 | 450 4.2.2 mailbox full            | 5.0.0
            FAILED  | -     | 550 5.1.2 host unknown            | 5.1.2
            FAILED  | -     | user unknown                      | -
            DELAYED | 4.4.1 | connection timed out              | 4.4.1
            DELAYED | 5.2.2 | 552 5.2.2 over quota              | 4.2.2
            DELAYED | -     | -                                 | 4.0.0
            DELAYED | 4.0.0 | 451 4.7.1 greylisted              | 4.7.1
            """)
    void theStatusToClassifyByIsSpecificAndADelayIsAlwaysTransient(DeliveryAction action, String reported,
                                                                   String diagnostic, String expected) {
        var status = reported == null ? null : EnhancedStatusCode.parse(reported).orElseThrow();

        assertThat(DeliveryStatusReport.effectiveStatus(action, status, diagnostic)).isEqualTo(expected);
    }

    @Test
    void textThatIsNotFieldsYieldsNoRecipients() {
        var report = DeliveryStatusReport.parse("this is not a delivery status\n\njust prose\n");

        assertThat(report.failed()).isEmpty();
        assertThat(report.skipped()).isEmpty();
    }
}
