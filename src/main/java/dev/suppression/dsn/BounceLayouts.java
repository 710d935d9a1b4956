package dev.suppression.dsn;

import java.util.List;
import java.util.Optional;

/**
 * The layouts read, in the order they are tried. Layouts told by a header or sender of their own come first,
 * then those told by a sentence only their MTA writes, then the generic ones: an Exim or Postfix bounce may quote
 * a Google response, and a gateway's bounce may quote Sendmail's. The list follows the MTAs Sisimai's per-MTA
 * modules describe ({@code sisimai/p5-sisimai}, {@code lib/Sisimai/Lhost}, BSD-2), read with our own code.
 */
final class BounceLayouts {

    static final List<BounceLayout> ALL = List.of(
            new AmazonSesNotificationLayout(),
            new X5Layout(),
            new GoogleGroupsLayout(),
            new ActivehunterLayout(),
            new MFilterLayout(),
            new FmlLayout(),
            new MailMarshalLayout(),
            new ImailLayout(),
            new ApacheJamesLayout(),
            new MessagingServerLayout(),
            new DominoLayout(),
            new NotesLayout(),
            new InterScanMssLayout(),
            new BiglobeLayout(),
            new KddiLayout(),
            new EzwebLayout(),
            new DocomoLayout(),
            new McAfeeLayout(),
            new AmavisLayout(),
            new SurfControlLayout(),
            new MailFoundryLayout(),
            new DragonFlyLayout(),
            new OpenSmtpdLayout(),
            new DeutscheTelekomLayout(),
            new EinsUndEinsLayout(),
            new BigfootLayout(),
            new AmazonWorkMailLayout(),
            new ReceivingSesLayout(),
            new AmazonSesLayout(),
            new SendGridLayout(),
            new MailgunLayout(),
            new PostmarkLayout(),
            new SparkPostLayout(),
            new MandrillLayout(),
            new MimecastLayout(),
            new ProofpointLayout(),
            new BarracudaLayout(),
            new MessageLabsLayout(),
            new TrendMicroLayout(),
            new MxLogicLayout(),
            new FacebookLayout(),
            new VerizonLayout(),
            new AolLayout(),
            new IcloudLayout(),
            new ZohoLayout(),
            new YandexLayout(),
            new MailRuLayout(),
            new GmxLayout(),
            new OutlookLayout(),
            new X1Layout(),
            new X2Layout(),
            new X3Layout(),
            new X6Layout(),
            new QmailLayout(),
            new X4Layout(),
            new CourierLayout(),
            new V5SendmailLayout(),
            new PostfixLayout(),
            new YahooLayout(),
            new EximLayout(),
            new Office365Layout(),
            new Exchange2007Layout(),
            new Exchange2003Layout(),
            new SendmailLayout(),
            new GSuiteLayout(),
            new GmailLayout(),
            new GoogleWorkspaceLayout(),
            new GermanTextLayout(),
            new FrenchTextLayout(),
            new SpanishTextLayout(),
            new ItalianTextLayout(),
            new PortugueseTextLayout(),
            new DutchTextLayout());

    /** The generic reading of any other mailer daemon's text, tried only once auto-replies are ruled out. */
    static final BounceLayout MAILER_DAEMON = new MailerDaemonLayout();

    private BounceLayouts() {
    }

    /** The first layout that recognises the bounce. */
    static Optional<BounceLayout> recognise(BounceText bounce) {
        return ALL.stream().filter(layout -> layout.recognises(bounce)).findFirst();
    }

    /** The first layout that recognises the bounce and finds a failed recipient in it, with what it found. */
    static Optional<Reading> read(BounceText bounce) {
        for (var layout : ALL) {
            if (layout.recognises(bounce)) {
                var recipients = layout.interpreted(layout.recipients(bounce));
                if (!recipients.isEmpty()) {
                    return Optional.of(new Reading(layout, recipients));
                }
            }
        }
        return Optional.empty();
    }

    record Reading(BounceLayout layout, List<FailedRecipient> recipients) {

        Reading {
            recipients = List.copyOf(recipients);
        }
    }
}
