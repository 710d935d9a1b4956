package dev.suppression.dsn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BounceMessageParserTests {

    private final BounceMessageParser parser = new BounceMessageParser();

    @ParameterizedTest(name = "{0}: {1} {2} {3} {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            postfix-dsn-user-unknown.eml | Postfix (RFC 3464) | jane.doe@northwind.example          | FAILED  | 5.1.1 | 550 | 550 5.1.1 <jane.doe@northwind.example>: Recipient address rejected: User unknown in virtual mailbox table | mx1.northwind.example | mail.shop.example | <offers-2026-11.7f3c2a@shop.example>
            dsn-policy-block.eml         | Sendmail (RFC 3464) | accounts@contoso-fabrics.example    | FAILED  | 5.7.1 | 554 | 554 5.7.1 Service unavailable; Client host [198.51.100.7] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/198.51.100.7 | mx.contoso-fabrics.example | mail.shop.example | <invoice-2026-11-0042@billing.shop.example>
            dsn-delayed.eml              | Postfix (RFC 3464) | ops@slowmail.example                | DELAYED | 4.4.1 | -   | connect to mx.slowmail.example[192.0.2.60]:25: Connection timed out                                     | mail.shop.example | mail.shop.example | <offers-2026-11.91be04@shop.example>
            dsn-exim-generic-status.eml  | Exim (RFC 3464) | m.brown@fabrikam.example            | FAILED  | 5.1.1 | 550 | 550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address for typos or 550 5.1.1 unnecessary spaces. | mx.fabrikam.example | relay.shop.example | <digest-48213@shop.example>
            dsn-multiple-recipients.eml  | Sendmail (RFC 3464) | r.ito@tailspin.example              | FAILED  | 5.1.1 | 550 | 550 5.1.1 <r.ito@tailspin.example>... User unknown                                                      | mx.tailspin.example | mta2.shop.example | <fair-invite-2026.3318@shop.example>
            dsn-gmail.eml                | Gmail (RFC 3464) | olivia.hart@adatum.example          | FAILED  | 5.1.1 | 550 | 550 5.1.1 <olivia.hart@adatum.example>: Recipient address rejected: User unknown in relay recipient table | mx1.adatum.example | googlemail.com | <offers-2026-11.55d1e0@shop.example>
            dsn-office365.eml            | Microsoft 365 (RFC 3464) | hans.weber@woodgrove.example        | FAILED  | 5.1.10 | 550 | 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup                | woodgrove-example.mail.protection.outlook.com | am9pr02mb7412.eurprd02.prod.outlook.com | <quote-7781@shop.example>
            qmail.eml                    | qmail | peter.smith@litware.example         | FAILED  | 5.1.1 | 550 | 550 5.1.1 <peter.smith@litware.example>... User unknown                                                 | 192.0.2.81 | mx.qmail-host.example | <offers-2026-11.c0ffee@shop.example>
            exim.eml                     | Exim | l.garcia@proseware.example          | FAILED  | 5.1.1 | 550 | 550 5.1.1 <l.garcia@proseware.example>: Recipient address rejected: User unknown in local recipient table | mx01.proseware.example | box123.exim-host.example | <order-55120-shipped@shop.example>
            exim-delayed.eml             | Exim | w.chen@graylisting.example          | DELAYED | 4.7.1 | 451 | 451 4.7.1 Greylisting in action, please come back later                                                 | mx.graylisting.example | box123.exim-host.example | <order-55098-shipped@shop.example>
            postfix-plain.eml            | Postfix | a.kumar@relecloud.example           | FAILED  | 5.1.1 | 550 | 550 5.1.1 <a.kumar@relecloud.example>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command) | mx2.relecloud.example | mail.legacy-relay.example | <alert-99182@shop.example>
            exchange-ndr.eml             | Microsoft Exchange 2007+ | maria.rossi@fourthcoffee.example    | FAILED  | 5.1.1 | 550 | 550 5.1.1 RESOLVER.ADR.RecipNotFound; not found                                                         | ex01.corp.fourthcoffee.example | ex01.corp.fourthcoffee.example | <ticket-20931-7@support.shop.example>
            exchange-2003.eml            | Microsoft Exchange 2003 | d.okafor@tailwind-traders.example   | FAILED  | 5.1.1 | 550 | 550 5.1.1 User unknown                                                                                  | mail.tailwind-traders.example | mx.shop.example | <interview-0311@hr.shop.example>
            google-plain.eml             | Gmail | noah.lee@contoso-mail.example       | FAILED  | 5.1.1 | 550 | 550-5.1.1 The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. Learn more at https://support.google.com/mail/?p=NoSuchUser q11si2790146igb.62 - gsmtp | mx.contoso-mail.example | 10.50.100.101 | <CAHx1xT0aBc9d8eF7gH6iJ5kL4mN3oP2qR1sT0uVwXyZ@mail.shop.example>
            google-address-not-found.eml | Gmail | emma.schulz@gmail.example           | FAILED  | -     | -   | The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. For more information, go to https://support.google.com/mail/?p=NoSuchUser | googlemail.com | googlemail.com | <press-release-1123@shop.example>
            yahoo.eml                    | Yahoo | sam.taylor1987@yahoo.example        | FAILED  | -     | 554 | 554 delivery error: dd This user doesn't have a yahoo.example account (sam.taylor1987@yahoo.example) [0] - mta1042.mail.gq1.yahoo.com [RCPT_TO] | sender.shop.example | sender.shop.example | <flash-sale-1123.44@shop.example>
            german.eml                   | German | max.mustermann@beispiel-gmbh.example | FAILED | 5.1.1 | 550 | 550 5.1.1 <max.mustermann@beispiel-gmbh.example>: Recipient address rejected: User unknown in local recipient table (Antwort auf RCPT TO Kommando) | mx.beispiel-gmbh.example | mail.versand-beispiel.example | <rechnung-2026-11-311@shop.example>
            french.eml                   | French | jean.dupont@exemple-sarl.example    | FAILED  | 5.1.1 | 550 | 550 5.1.1 <jean.dupont@exemple-sarl.example>: adresse destinataire inconnue / User unknown              | mx.exemple-sarl.example | mx.shop.example | <devis-4471@shop.example>
            sendmail-plain.eml           | Sendmail | f.martin@oldhost.example            | FAILED  | 5.1.1 | 550 | 550 5.1.1 <f.martin@oldhost.example>... User unknown                                                    | mx.oldhost.example | mail.oldhost.example | <application-2231@shop.example>
            spanish.eml                  | Spanish | lucia.gomez@ejemplo-sa.example      | FAILED  | 5.1.1 | 550 | 550 5.1.1 <lucia.gomez@ejemplo-sa.example>: El usuario no existe (en respuesta al comando RCPT TO) | mx.ejemplo-sa.example | correo.envios-ejemplo.example | <sale-2026-11.es01@shop.example>
            italian.eml                  | Italian | marco.bianchi@esempio-srl.example   | FAILED  | 5.1.1 | 550 | 550 5.1.1 <marco.bianchi@esempio-srl.example>: Utente sconosciuto (in risposta al comando RCPT TO) | mx.esempio-srl.example | posta.spedizioni-esempio.example | <sale-2026-11.it01@shop.example>
            portuguese.eml               | Portuguese | joao.souza@exemplo-lda.example      | FAILED  | 5.1.1 | 550 | 550 5.1.1 <joao.souza@exemplo-lda.example>: Usuário desconhecido (em resposta ao comando RCPT TO) | mx.exemplo-lda.example | correio.envios-exemplo.example | <sale-2026-11.pt01@shop.example>
            dutch.eml                    | Dutch | sanne.devries@voorbeeld-bv.example  | FAILED  | 5.1.1 | 550 | 550 5.1.1 <sanne.devries@voorbeeld-bv.example>: Onbekende gebruiker (als antwoord op het RCPT TO commando) | mx.voorbeeld-bv.example | mail.verzending-voorbeeld.example | <sale-2026-11.nl01@shop.example>
            icloud-user-unknown.eml      | Postfix | lucas.petit@me.example              | FAILED  | 5.1.1 | 550 | 550 5.1.1 <lucas.petit@me.example>: user does not exist (in reply to RCPT TO command) | mx02.mail.icloud.example | mail2.shop.example | <sale-2026-11.a5e0@shop.example>
            exim-gmx.eml                 | Exim | jonas.becker@gmx.example            | FAILED  | -     | 550 | 550 Requested action not taken: mailbox unavailable                                                    | mx00.emig.gmx.example | mx2.exim-host.example | <sale-2026-11.de07@shop.example>
            exim-expired.eml             | Exim | info@unreachable-shop.example       | FAILED  | -     | -   | retry timeout exceeded                                                                                  | box123.exim-host.example | box123.exim-host.example | <order-55140-shipped@shop.example>
            exchange-ndr-policy.eml      | Microsoft 365 (RFC 3464) | purchasing@northwindtraders.example | FAILED  | 5.7.1 | 550 | 550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized                                                    | am9pr03mb7120.eurprd03.prod.outlook.com | am9pr03mb7120.eurprd03.prod.outlook.com | <fair-2026-11.a81c@shop.example>
            powermta-bad-mailbox.eml     | RFC 3464 | r.mehta@tailspin-mail.example       | FAILED  | 5.1.1 | 550 | 550 5.1.1 <r.mehta@tailspin-mail.example>... unknown or illegal alias                                   | 203.0.113.140 | pmta1.mailout.shop.example | <digest-2026-47.r77@shop.example>
            """)
    void readsTheRecipientAndTheServersResponseOfEachFormat(String fixture, String format, String recipient,
                                                            DeliveryAction action, String status, Integer smtpCode,
                                                            String diagnostic, String remoteMta, String reportingMta,
                                                            String originalMessageId) {
        var message = parser.parse(Fixtures.bytes(fixture));

        assertThat(message.layout()).isEqualTo(format);
        assertThat(message.originalMessageId()).isEqualTo(originalMessageId);
        var first = message.recipients().getFirst();
        assertThat(first.recipient()).isEqualTo(recipient);
        assertThat(first.action()).isEqualTo(action);
        assertThat(first.status()).isEqualTo(status);
        assertThat(first.smtpCode()).isEqualTo(smtpCode);
        assertThat(first.diagnostic()).isEqualTo(diagnostic);
        assertThat(first.remoteMta()).isEqualTo(remoteMta);
        assertThat(first.reportingMta()).isEqualTo(reportingMta);
    }

    @Test
    void aReportWithSeveralRecipientsYieldsOnlyTheFailedOnesAndTheAddressTheSenderUsed() {
        var message = parser.parse(Fixtures.bytes("dsn-multiple-recipients.eml"));

        assertThat(message.recipients()).extracting(FailedRecipient::recipient, FailedRecipient::finalRecipient,
                        FailedRecipient::status, FailedRecipient::diagnostic, FailedRecipient::lastAttempt)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("r.ito@tailspin.example", null, "5.1.1",
                                "550 5.1.1 <r.ito@tailspin.example>... User unknown",
                                Instant.parse("2026-11-23T10:36:02Z")),
                        org.assertj.core.groups.Tuple.tuple("sales@tailspin.example", "k.novak@tailspin.example", "5.2.2",
                                "552 5.2.2 Mailbox full", Instant.parse("2026-11-23T10:36:04Z")));
    }

    @Test
    void aGenericStatusYieldsToTheSpecificCodeOfTheDiagnosticOrElseKeepsTheTextForTheClassifier() {
        var message = parser.parse(Fixtures.bytes("dsn-exim-generic-status.eml"));

        assertThat(message.recipients()).extracting(FailedRecipient::recipient, FailedRecipient::status,
                        FailedRecipient::diagnostic)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("m.brown@fabrikam.example", "5.1.1",
                                message.recipients().getFirst().diagnostic()),
                        org.assertj.core.groups.Tuple.tuple("support-desk@fabrikam.example", "5.0.0",
                                "550 Requested action not taken: mailbox unavailable (user does not exist)"));
    }

    @Test
    void plainTextBouncesKeepEachRecipientWithItsOwnResponse() {
        var qmail = parser.parse(Fixtures.bytes("qmail.eml"));
        var exim = parser.parse(Fixtures.bytes("exim.eml"));

        assertThat(qmail.recipients()).extracting(FailedRecipient::recipient, FailedRecipient::diagnostic)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("peter.smith@litware.example",
                                "550 5.1.1 <peter.smith@litware.example>... User unknown"),
                        org.assertj.core.groups.Tuple.tuple("info@qmail-host.example",
                                "Sorry, no mailbox here by that name. (#5.1.1)"));
        assertThat(exim.recipients()).extracting(FailedRecipient::recipient, FailedRecipient::diagnostic,
                        FailedRecipient::remoteMta)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("l.garcia@proseware.example",
                                "550 5.1.1 <l.garcia@proseware.example>: Recipient address rejected: User unknown in local recipient table",
                                "mx01.proseware.example"),
                        org.assertj.core.groups.Tuple.tuple("sales@nonexistent-proseware.example", "Unrouteable address", "box123.exim-host.example"));
    }

    @Test
    void theLastAttemptDateIsTheTimeOfTheBounce() {
        var message = parser.parse(Fixtures.bytes("dsn-gmail.eml"));

        assertThat(message.recipients().getFirst().lastAttempt()).isEqualTo(Instant.parse("2026-11-23T10:15:03Z"));
        assertThat(message.messageId()).isEqualTo("<6741ab27.050a0220.3c1f0e.92c4.GMR@mx.google.com>");
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
            normal-mail.eml              | ORDINARY_MAIL
            """)
    void messagesThatAreNotBouncesAreRecognisedForWhatTheyAre(String fixture, MessageKind kind) {
        assertThatThrownBy(() -> parser.parse(Fixtures.bytes(fixture)))
                .isInstanceOfSatisfying(NotABounceException.class, e -> assertThat(e.kind()).isEqualTo(kind))
                .hasMessageStartingWith("This message is " + kind.description() + ", not a bounce");
    }

    @Test
    void aBounceInWhichNoRecipientCanBeFoundSaysSo() {
        var message = """
                From: MAILER-DAEMON@mta.example
                Subject: failure notice

                Hi. This is the qmail-send program at mta.example.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                """;

        assertThatThrownBy(() -> parser.parse(message.getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOfSatisfying(NotABounceException.class,
                        e -> assertThat(e.kind()).isEqualTo(MessageKind.UNREADABLE_BOUNCE))
                .hasMessage("This message is a bounce in which no failed recipient address could be found (its text "
                        + "has the qmail bounce layout). Nothing was recorded; post the recipient and the SMTP response as "
                        + "JSON to POST /bounces instead.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            an empty body           | ''                                                       | The request body is empty
            white space only        | '\r\n\r\n  '                                             | The request body is empty
            a JSON document         | '{"recipient": "jane@example.org", "smtpCode": 550}'     | not an Internet message
            a body without headers  | '\r\nHello, this is just text.'                          | not an Internet message
            """)
    void whatIsNotAnInternetMessageIsUnreadable(String description, String body, String detail) {
        assertThatThrownBy(() -> parser.parse(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableMessageException.class).hasMessageContaining(detail);
    }

    @Test
    void binaryDataIsUnreadable() {
        var garbage = new byte[4096];
        new java.util.Random(42).nextBytes(garbage);

        assertThatThrownBy(() -> parser.parse(garbage)).isInstanceOf(UnreadableMessageException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            broken-multipart-without-boundary.eml | Postfix
            broken-multipart-missing-start.eml    | mailer daemon
            """)
    void aBrokenMimeStructureIsReadAsAMailClientShowsItAndRefusedOnlyForWantOfARecipient(String fixture, String layout) {
        assertThatThrownBy(() -> parser.parse(Fixtures.bytes(fixture)))
                .isInstanceOfSatisfying(NotABounceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(MessageKind.UNREADABLE_BOUNCE);
                    assertThat(e.getMessage()).contains("the " + layout + " bounce layout");
                });
    }

    @Test
    void aBounceMarkedAutoSubmittedAutoRepliedIsStillABounce() {
        var message = parser.parse(Fixtures.bytes("exim-auto-submitted-user-unknown.eml"));

        assertThat(message.recipients()).extracting(FailedRecipient::recipient, FailedRecipient::stage)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rita.gomes@lagunaverde.example",
                        dev.suppression.classification.SmtpStage.RCPT));
    }

    @Test
    void anExpiredActionIsAFailureReadFromItsStatus() {
        var recipient = parser.parse(Fixtures.bytes("sendgrid-expired.eml")).recipients().getFirst();

        assertThat(recipient.action()).isEqualTo(DeliveryAction.EXPIRED);
        assertThat(recipient.status()).isEqualTo("4.4.7");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            office365-recipient-not-found-no-boundary.eml | jonas.kirk@rivertown.example
            verizon-no-boundary-parameter.eml             | 5551234567@vtext.example
            gmail-dsn-missing-start-boundary.eml          | june.ray@fernhill.example
            """)
    void aMultipartWithoutAUsableBoundaryIsSplitAsMailClientsSplitIt(String fixture, String recipient) {
        assertThat(parser.parse(Fixtures.bytes(fixture)).recipients()).extracting(FailedRecipient::recipient)
                .containsExactly(recipient);
    }

    @Test
    void aRecipientTheTextNamesIsTakenOverAnAddressQuotedFromTheOriginal() {
        assertThat(parser.parse(Fixtures.bytes("mailer-daemon-unbranded-original-to-quoted.eml")).recipients())
                .extracting(FailedRecipient::recipient).containsExactly("hugh.lane@hollybrook.example");
    }
}
