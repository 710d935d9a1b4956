package dev.suppression.dsn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.bounce.Submission;
import dev.suppression.classification.BounceClassifier;
import dev.suppression.classification.Classification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The rule over every bounce fixture: only a mailbox or domain that does not exist suppresses; policy blocks,
 * full mailboxes and delays never do.
 */
class BounceFixtureClassificationTests {

    private final BounceMessageParser parser = new BounceMessageParser();
    private final BounceClassifier classifier = new BounceClassifier();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            postfix-dsn-user-unknown.eml | jane.doe@northwind.example           | USER_UNKNOWN | true
            dsn-policy-block.eml         | accounts@contoso-fabrics.example     | POLICY       | false
            dsn-delayed.eml              | ops@slowmail.example                 | TRANSIENT    | false
            dsn-exim-generic-status.eml  | m.brown@fabrikam.example             | USER_UNKNOWN | true
            dsn-exim-generic-status.eml  | support-desk@fabrikam.example        | USER_UNKNOWN | true
            dsn-multiple-recipients.eml  | r.ito@tailspin.example               | USER_UNKNOWN | true
            dsn-multiple-recipients.eml  | sales@tailspin.example               | MAILBOX_FULL | false
            dsn-gmail.eml                | olivia.hart@adatum.example           | USER_UNKNOWN | true
            dsn-office365.eml            | hans.weber@woodgrove.example         | USER_UNKNOWN | true
            qmail.eml                    | peter.smith@litware.example          | USER_UNKNOWN | true
            qmail.eml                    | info@qmail-host.example              | USER_UNKNOWN | true
            exim.eml                     | l.garcia@proseware.example           | USER_UNKNOWN | true
            exim.eml                     | sales@nonexistent-proseware.example  | BAD_DOMAIN   | true
            exim-delayed.eml             | w.chen@graylisting.example           | TRANSIENT    | false
            postfix-plain.eml            | a.kumar@relecloud.example            | USER_UNKNOWN | true
            exchange-ndr.eml             | maria.rossi@fourthcoffee.example     | USER_UNKNOWN | true
            exchange-2003.eml            | d.okafor@tailwind-traders.example    | USER_UNKNOWN | true
            google-plain.eml             | noah.lee@contoso-mail.example        | USER_UNKNOWN | true
            google-address-not-found.eml | emma.schulz@gmail.example            | USER_UNKNOWN | true
            yahoo.eml                    | sam.taylor1987@yahoo.example         | USER_UNKNOWN | true
            german.eml                   | max.mustermann@beispiel-gmbh.example | USER_UNKNOWN | true
            french.eml                   | jean.dupont@exemple-sarl.example     | USER_UNKNOWN | true
            sendmail-plain.eml           | f.martin@oldhost.example             | USER_UNKNOWN | true
            """)
    void onlyAMailboxOrDomainThatDoesNotExistSuppresses(String fixture, String recipient, Classification expected,
                                                        boolean suppresses) {
        var raw = Fixtures.bytes(fixture);
        var submissions = DsnSubmissions.of(parser.parse(raw), new String(raw, StandardCharsets.UTF_8),
                Instant.parse("2026-11-23T14:00:00Z"), Duration.ofHours(1));

        var report = submissions.stream().map(s -> ((Submission.Valid) s).report())
                .filter(r -> r.recipient().value().equals(recipient)).findFirst().orElseThrow();
        var classification = classifier.classify(report.smtpCode(), report.enhancedCode(), report.diagnostic())
                .classification();

        assertThat(classification).isEqualTo(expected);
        assertThat(classification.isHardBounce()).isEqualTo(suppresses);
    }
}
