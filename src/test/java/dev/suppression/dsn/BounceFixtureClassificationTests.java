package dev.suppression.dsn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.suppression.bounce.BounceReport;
import dev.suppression.bounce.Submission;
import dev.suppression.classification.BounceClassifier;
import dev.suppression.classification.BounceReason;
import dev.suppression.classification.Classification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rule over every bounce fixture, one row per failed recipient: the message is read into the right
 * recipients, and only a mailbox or domain that does not exist suppresses; policy blocks, spam verdicts,
 * authentication failures, full or disabled mailboxes, delays and expiries never do.
 */
class BounceFixtureClassificationTests {

    private final BounceMessageParser parser = new BounceMessageParser();
    private final BounceClassifier classifier = new BounceClassifier();

    @ParameterizedTest(name = "{0} {1} -> {2} / {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # fixture                     | recipient                             | classification | reason             | suppresses
            postfix-dsn-user-unknown.eml  | jane.doe@northwind.example            | USER_UNKNOWN   | USER_UNKNOWN       | true
            dsn-policy-block.eml          | accounts@contoso-fabrics.example      | POLICY         | BLOCKED            | false
            dsn-delayed.eml               | ops@slowmail.example                  | TRANSIENT      | NETWORK            | false
            dsn-exim-generic-status.eml   | m.brown@fabrikam.example              | USER_UNKNOWN   | USER_UNKNOWN       | true
            dsn-exim-generic-status.eml   | support-desk@fabrikam.example         | USER_UNKNOWN   | USER_UNKNOWN       | true
            dsn-multiple-recipients.eml   | r.ito@tailspin.example                | USER_UNKNOWN   | USER_UNKNOWN       | true
            dsn-multiple-recipients.eml   | sales@tailspin.example                | MAILBOX_FULL   | MAILBOX_FULL       | false
            dsn-gmail.eml                 | olivia.hart@adatum.example            | USER_UNKNOWN   | USER_UNKNOWN       | true
            dsn-office365.eml             | hans.weber@woodgrove.example          | USER_UNKNOWN   | USER_UNKNOWN       | true
            qmail.eml                     | peter.smith@litware.example           | USER_UNKNOWN   | USER_UNKNOWN       | true
            qmail.eml                     | info@qmail-host.example               | USER_UNKNOWN   | USER_UNKNOWN       | true
            exim.eml                      | l.garcia@proseware.example            | USER_UNKNOWN   | USER_UNKNOWN       | true
            exim.eml                      | sales@nonexistent-proseware.example   | BAD_DOMAIN     | HOST_UNKNOWN       | true
            exim-delayed.eml              | w.chen@graylisting.example            | TRANSIENT      | POLICY             | false
            postfix-plain.eml             | a.kumar@relecloud.example             | USER_UNKNOWN   | USER_UNKNOWN       | true
            exchange-ndr.eml              | maria.rossi@fourthcoffee.example      | USER_UNKNOWN   | USER_UNKNOWN       | true
            exchange-ndr-policy.eml       | purchasing@northwindtraders.example   | POLICY         | POLICY             | false
            exchange-2003.eml             | d.okafor@tailwind-traders.example     | USER_UNKNOWN   | USER_UNKNOWN       | true
            google-plain.eml              | noah.lee@contoso-mail.example         | USER_UNKNOWN   | USER_UNKNOWN       | true
            google-address-not-found.eml  | emma.schulz@gmail.example             | USER_UNKNOWN   | USER_UNKNOWN       | true
            google-workspace-disabled.eml | k.nakamura@fabrikam-ws.example        | UNDETERMINED   | MAILBOX_DISABLED   | false
            dsn-gmail-dmarc.eml           | lena.fischer@gmail.example            | POLICY         | AUTHENTICATION     | false
            dsn-spam-detected.eml         | tom.baker@contoso-gw.example          | POLICY         | SPAM_DETECTED      | false
            yahoo.eml                     | sam.taylor1987@yahoo.example          | USER_UNKNOWN   | USER_UNKNOWN       | true
            dsn-rate-limited-delayed.eml  | pat.jones@yahoo.example               | TRANSIENT      | RATE_LIMITED       | false
            icloud-user-unknown.eml       | lucas.petit@me.example                | USER_UNKNOWN   | USER_UNKNOWN       | true
            dsn-icloud-over-quota.eml     | chloe.martin@icloud.example           | MAILBOX_FULL   | MAILBOX_FULL       | false
            exim-gmx.eml                  | jonas.becker@gmx.example              | USER_UNKNOWN   | USER_UNKNOWN       | true
            german.eml                    | max.mustermann@beispiel-gmbh.example  | USER_UNKNOWN   | USER_UNKNOWN       | true
            french.eml                    | jean.dupont@exemple-sarl.example      | USER_UNKNOWN   | USER_UNKNOWN       | true
            dragonfly-unauthenticated.eml | oskar.lind@gmail.example              | POLICY         | AUTHENTICATION     | false
            sendmail-dsn-generic-mailbox-status.eml | yuki.sato@mobile-carrier.example | USER_UNKNOWN | USER_UNKNOWN   | true
            spanish.eml                   | lucia.gomez@ejemplo-sa.example        | USER_UNKNOWN   | USER_UNKNOWN       | true
            italian.eml                   | marco.bianchi@esempio-srl.example     | USER_UNKNOWN   | USER_UNKNOWN       | true
            portuguese.eml                | joao.souza@exemplo-lda.example        | USER_UNKNOWN   | USER_UNKNOWN       | true
            dutch.eml                     | sanne.devries@voorbeeld-bv.example    | USER_UNKNOWN   | USER_UNKNOWN       | true
            sendmail-plain.eml            | f.martin@oldhost.example              | USER_UNKNOWN   | USER_UNKNOWN       | true
            sendmail-dsn-moved.eml        | g.russo@adventure-works.example       | USER_UNKNOWN   | MAILBOX_MOVED      | true
            dsn-null-mx.eml               | contact@parked-domain.example         | BAD_DOMAIN     | NOT_ACCEPTING_MAIL | true
            dsn-message-too-big.eml       | finance@litware-corp.example          | POLICY         | MESSAGE_TOO_BIG    | false
            dsn-sender-rejected.eml       | it@wingtip-toys.example               | POLICY         | SENDER_REJECTED    | false
            haraka-relay-denied.eml       | ana.silva@old-isp.example             | POLICY         | RELAYING_DENIED    | false
            powermta-bad-mailbox.eml      | r.mehta@tailspin-mail.example         | USER_UNKNOWN   | USER_UNKNOWN       | true
            ses-dsn.eml                   | omar.haddad@margie-travel.example     | USER_UNKNOWN   | USER_UNKNOWN       | true
            exim-expired.eml              | info@unreachable-shop.example         | TRANSIENT      | EXPIRED            | false
            exim-system-error.eml         | desk@humongous-ins.example            | TRANSIENT      | SYSTEM             | false
            """)
    void onlyAMailboxOrDomainThatDoesNotExistSuppresses(String fixture, String recipient, Classification classification,
                                                        BounceReason reason, boolean suppresses) {
        var reports = reports(fixture);

        assertThat(reports).extracting(r -> r.recipient().value()).contains(recipient);
        var report = reports.stream().filter(r -> r.recipient().value().equals(recipient)).findFirst().orElseThrow();
        var diagnosis = classifier.classify(report.smtpCode(), report.enhancedCode(), report.diagnostic());

        assertThat(diagnosis.classification()).isEqualTo(classification);
        assertThat(diagnosis.reason()).isEqualTo(reason);
        assertThat(diagnosis.classification().isHardBounce()).isEqualTo(suppresses);
    }

    @ParameterizedTest(name = "{0} names {1}")
    @CsvSource(delimiter = '|', textBlock = """
            dsn-exim-generic-status.eml  | m.brown@fabrikam.example, support-desk@fabrikam.example
            dsn-multiple-recipients.eml  | r.ito@tailspin.example, sales@tailspin.example
            exim.eml                     | l.garcia@proseware.example, sales@nonexistent-proseware.example
            exchange-ndr-policy.eml      | purchasing@northwindtraders.example
            google-workspace-disabled.eml | k.nakamura@fabrikam-ws.example
            sendmail-dsn-moved.eml       | g.russo@adventure-works.example
            powermta-bad-mailbox.eml     | r.mehta@tailspin-mail.example
            ses-dsn.eml                  | omar.haddad@margie-travel.example
            haraka-relay-denied.eml      | ana.silva@old-isp.example
            icloud-user-unknown.eml      | lucas.petit@me.example
            exim-gmx.eml                 | jonas.becker@gmx.example
            spanish.eml                  | lucia.gomez@ejemplo-sa.example
            italian.eml                  | marco.bianchi@esempio-srl.example
            portuguese.eml               | joao.souza@exemplo-lda.example
            dutch.eml                    | sanne.devries@voorbeeld-bv.example
            """)
    void eachBounceNamesExactlyItsFailedRecipients(String fixture, String recipients) {
        assertThat(reports(fixture)).extracting(r -> r.recipient().value())
                .containsExactly(recipients.split(",\\s*"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            auto-reply-out-of-office.eml | AUTO_REPLY
            auto-reply-vacation.eml      | AUTO_REPLY
            auto-reply-german.eml        | AUTO_REPLY
            challenge-response.eml       | CHALLENGE_RESPONSE
            arf-feedback-report.eml      | FEEDBACK_REPORT
            read-receipt.eml             | READ_RECEIPT
            dsn-delivered.eml            | DELIVERY_SUCCESS
            """)
    void autoRepliesFeedbackReportsAndReceiptsAreNeverBounces(String fixture, MessageKind kind) {
        assertThatThrownBy(() -> parser.parse(Fixtures.bytes(fixture)))
                .isInstanceOfSatisfying(NotABounceException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    private List<BounceReport> reports(String fixture) {
        var raw = Fixtures.bytes(fixture);
        var submissions = DsnSubmissions.of(parser.parse(raw), new String(raw, StandardCharsets.UTF_8),
                Instant.parse("2026-11-23T14:00:00Z"), Duration.ofHours(1));
        return submissions.stream().map(s -> ((Submission.Valid) s).report()).toList();
    }
}
