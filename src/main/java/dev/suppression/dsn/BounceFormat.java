package dev.suppression.dsn;

import java.util.List;
import java.util.Optional;

/**
 * The layout a bounce message came in. The plain-text layouts are recognised by sentences their MTA always
 * writes (compared lower-cased, without accents, white space collapsed), in the order declared here: the
 * MTA-specific sentences before the generic ones, because an Exim or Postfix bounce may quote a Google
 * response in its text.
 */
enum BounceFormat {
    /** RFC 3464 {@code multipart/report; report-type=delivery-status}: read field by field. */
    DELIVERY_STATUS("RFC 3464 delivery status notification"),
    QMAIL("qmail", "this is the qmail-send program", "i'm afraid i wasn't able to deliver your message"),
    POSTFIX("Postfix", "this is the mail system at host", "i'm sorry to have to inform you that your message could not"),
    YAHOO("Yahoo", "sorry, we were unable to deliver your message to the following address"),
    EXIM("Exim", "this message was created automatically by mail delivery software",
            "a message that you sent could not be delivered to one or more of its",
            "a message that you sent has not yet been delivered to one or more of its"),
    /** Microsoft Exchange and Microsoft 365 non-delivery reports. */
    EXCHANGE("Microsoft Exchange", "delivery has failed to these recipients or groups",
            "your message did not reach some or all of the intended recipients",
            "the following recipient(s) cannot be reached", "delivery to these recipients or groups has been delayed",
            "delivery to the following recipients has been delayed"),
    SENDMAIL("Sendmail", "----- the following addresses had permanent fatal errors -----",
            "----- transcript of session follows -----", "the original message was received at"),
    /** Gmail and Google Workspace, older and current wording. */
    GOOGLE("Google", "delivery to the following recipient failed permanently",
            "delivery to the following recipient has been delayed", "your message wasn't delivered to",
            "google tried to deliver your message", "there was a temporary problem delivering your message",
            "the email account that you tried to reach does not exist", "** address not found **"),
    /** German "Mail Delivery Subsystem" style texts (Postfix, Exchange and provider templates). */
    GERMAN("German", "dies ist das mailsystem", "ihre nachricht konnte nicht", "konnte nicht zugestellt werden",
            "die zustellung an folgende empfanger ist fehlgeschlagen",
            "fehler bei der zustellung an diese empfanger oder gruppen", "unzustellbar"),
    /** French "Mail Delivery Subsystem" style texts. */
    FRENCH("French", "ceci est le systeme de messagerie", "votre message n'a pas pu etre remis", "n'a pas pu etre remis",
            "la remise a echoue", "echec de la remise", "impossible de remettre votre message"),
    /** Spanish "Mail Delivery Subsystem" style texts. */
    SPANISH("Spanish", "este es el sistema de correo", "su mensaje no pudo ser entregado",
            "no se pudo entregar su mensaje"),
    /** Italian "Mail Delivery Subsystem" style texts. */
    ITALIAN("Italian", "questo e il sistema di posta", "non e stato recapitato", "impossibile recapitare il messaggio"),
    /** Portuguese "Mail Delivery Subsystem" style texts. */
    PORTUGUESE("Portuguese", "este e o sistema de correio", "nao pode ser entregue", "nao foi possivel entregar"),
    /** Dutch "Mail Delivery Subsystem" style texts. */
    DUTCH("Dutch", "dit is het mailsysteem", "kon niet worden afgeleverd", "niet afgeleverd"),
    /** A plain-text bounce from a mailer daemon in a layout not listed above: read by the generic rules. */
    OTHER_PLAIN_TEXT("mailer daemon");

    private final String label;
    private final List<String> markers;

    BounceFormat(String label, String... markers) {
        this.label = label;
        this.markers = List.of(markers);
    }

    /** Who writes this layout, for people: "qmail", "Microsoft Exchange". */
    String label() {
        return label;
    }

    /** The first plain-text layout whose sentences occur in the (normalised) notification text. */
    static Optional<BounceFormat> recognise(String normalizedText) {
        for (var format : values()) {
            for (var marker : format.markers) {
                if (normalizedText.contains(marker)) {
                    return Optional.of(format);
                }
            }
        }
        return Optional.empty();
    }
}
