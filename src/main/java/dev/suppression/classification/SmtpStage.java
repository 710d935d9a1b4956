package dev.suppression.classification;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The point of the SMTP dialogue at which the receiver refused the message (RFC 5321 section 3.3). Only a
 * refusal of the recipient itself, at {@code RCPT} (or one whose stage nothing tells), can mean the mailbox
 * does not exist: a refusal at connect, {@code HELO}/{@code EHLO} or {@code MAIL FROM} is about the sender,
 * and one after the end of {@code DATA} is the receiver's filter judging the content.
 */
public enum SmtpStage {
    CONNECT,
    HELO,
    MAIL,
    RCPT,
    DATA,
    UNKNOWN;

    /** Phrases MTAs put next to the reply, in the order they are tried; the first that occurs decides. */
    private static final List<Marker> MARKERS = List.of(
            new Marker(DATA, "after end of data", "after data", "in reply to end of data", "after end of message",
                    "in reply to data", "after message body", "in reply to the end of data", "after dot"),
            new Marker(RCPT, "after rcpt to", "in reply to rcpt to", "after rcpt", "in reply to rcpt",
                    "rcpt to:<", "rcpt to: <", "after recipient"),
            new Marker(MAIL, "after mail from", "in reply to mail from", "after mail", "in reply to mail",
                    "mail from:<", "mail from: <"),
            new Marker(HELO, "after ehlo", "after helo", "in reply to ehlo", "in reply to helo", "my name was rejected",
                    "helo command rejected", "ehlo command rejected"),
            new Marker(CONNECT, "after initial connection", "in reply to initial connection", "while connected",
                    "on connect", "after connect", "greeting", "banner"));

    /**
     * The stage a DSN's or an MTA's text names ({@code "host mx.example[192.0.2.1] said: ... (in reply to RCPT TO
     * command)"}), or {@link #UNKNOWN}.
     */
    public static SmtpStage readFrom(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        var lower = text.toLowerCase(Locale.ROOT);
        for (var marker : MARKERS) {
            for (var phrase : marker.phrases()) {
                if (lower.contains(phrase)) {
                    return marker.stage();
                }
            }
        }
        return UNKNOWN;
    }

    /** The stage a provider or protocol names in one word ({@code "RCPT"}, {@code "rcpt to"}, {@code "data"}). */
    public static SmtpStage named(@Nullable String name) {
        if (name == null) {
            return UNKNOWN;
        }
        var word = name.strip().toUpperCase(Locale.ROOT);
        if (word.startsWith("RCPT")) {
            return RCPT;
        }
        if (word.startsWith("MAIL")) {
            return MAIL;
        }
        if (word.equals("EHLO") || word.startsWith("HELO")) {
            return HELO;
        }
        if (word.startsWith("DATA") || word.equals("BODY") || word.equals("EOD")) {
            return DATA;
        }
        if (word.startsWith("CONN") || word.equals("BANNER")) {
            return CONNECT;
        }
        return UNKNOWN;
    }

    /** Whether a refusal at this stage can say anything about the recipient's mailbox. */
    public boolean concernsTheRecipient() {
        return this == RCPT || this == UNKNOWN;
    }

    private record Marker(SmtpStage stage, String... phrases) { }
}
