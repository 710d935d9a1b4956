package dev.suppression.classification;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
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

    /**
     * Refusals that say what was refused rather than when: Postfix reports a HELO restriction "in reply to RCPT
     * TO command" when it delays its rejections, but the name refused is still the sending host's.
     */
    private static final Marker REFUSED_NAME = new Marker(HELO, "my name was rejected", "helo command rejected",
            "ehlo command rejected", "invalid helo", "bad helo", "helo name rejected", "rejected your helo",
            "helo/ehlo rejected");

    /** Postfix: "(in reply to RCPT TO command)", "(in reply to end of DATA command)". */
    private static final Pattern IN_REPLY_TO = Pattern.compile(
            "in reply to (?:the )?(end of data|data|rcpt to|rcpt|mail from|mail|ehlo|helo|lhlo|starttls|bdat)");
    /** Exim: "SMTP error from remote mail server after RCPT TO:<...>:", "after pipelined end of data:". */
    private static final Pattern AFTER = Pattern.compile(
            "(?:error|failure|rejected|refused|failed|response|said|closed|timeout|timed out)[^.;]{0,60}?\\bafter "
            + "(?:pipelined |sending )?(initial connection|connection|greeting|end of data|data block|data|dot|"
            + "rcpt to|rcpt|mail from|mail|ehlo|helo|lhlo|starttls|message body|message)\\b");
    /** Sendmail's and Courier's transcripts: the last command sent ({@code >>> RCPT To:<...>}) before the reply. */
    private static final Pattern SENT_COMMAND = Pattern.compile("(?m)^\\s*>>>\\s*([a-z]+(?: [a-z]+)?)");

    /** Words MTAs put next to the reply, tried when none of the forms above occurs; the first that occurs decides. */
    private static final List<Marker> MARKERS = List.of(
            // qmail: "Connected to 192.0.2.1 but sender was rejected." and its kin.
            new Marker(CONNECT, "but greeting failed", "refused to talk to me", "after initial connection",
                    "on initial connection", "in reply to initial greeting", "while connecting",
                    "connection rejected", "rejected on connect", "rejected the connection"),
            new Marker(MAIL, "but sender was rejected", "after mail from", "mail from command", "mail from:<",
                    "mail from: <", "in reply to mail"),
            new Marker(DATA, "failed after i sent the message", "failed on data command", "after end of data",
                    "after end of message", "end of data command", "after data", "after message body",
                    "after dot", "after the message was sent", "message content rejected after data"),
            new Marker(RCPT, "does not like recipient", "after rcpt to", "rcpt to command", "after rcpt",
                    "rcpt to:<", "rcpt to: <", "after recipient"));

    /**
     * The stage a DSN's or an MTA's text names ({@code "host mx.example[192.0.2.1] said: ... (in reply to RCPT TO
     * command)"}), or {@link #UNKNOWN}.
     */
    public static SmtpStage readFrom(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        var lower = text.toLowerCase(Locale.ROOT);
        if (REFUSED_NAME.occursIn(lower)) {
            return HELO;
        }
        var inReplyTo = IN_REPLY_TO.matcher(lower);
        if (inReplyTo.find()) {
            return named(inReplyTo.group(1));
        }
        if (lower.contains("after ")) {
            var after = AFTER.matcher(lower);
            if (after.find()) {
                return afterWord(after.group(1));
            }
        }
        if (lower.contains(">>>")) {
            var sent = SENT_COMMAND.matcher(lower);
            String last = null;
            while (sent.find()) {
                last = sent.group(1);
            }
            var stage = named(last);
            if (stage != UNKNOWN) {
                return stage;
            }
        }
        for (var marker : MARKERS) {
            if (marker.occursIn(lower)) {
                return marker.stage();
            }
        }
        return UNKNOWN;
    }

    private static SmtpStage afterWord(String word) {
        return switch (word) {
            case "initial connection", "connection", "greeting" -> CONNECT;
            case "end of data", "data block", "dot", "message body", "message" -> DATA;
            default -> named(word);
        };
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
        if (word.equals("EHLO") || word.startsWith("HELO") || word.equals("LHLO") || word.equals("STARTTLS")) {
            return HELO;
        }
        if (word.startsWith("DATA") || word.startsWith("END OF DATA") || word.equals("BODY") || word.equals("EOD")
                || word.equals("BDAT") || word.equals(".")) {
            return DATA;
        }
        if (word.startsWith("CONN") || word.equals("BANNER") || word.equals("GREETING")) {
            return CONNECT;
        }
        return UNKNOWN;
    }

    /** Whether a refusal at this stage can say anything about the recipient's mailbox. */
    public boolean concernsTheRecipient() {
        return this == RCPT || this == UNKNOWN;
    }

    private record Marker(SmtpStage stage, String... phrases) {

        boolean occursIn(String lower) {
            for (var phrase : phrases) {
                if (lower.contains(phrase)) {
                    return true;
                }
            }
            return false;
        }
    }
}
