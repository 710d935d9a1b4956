package dev.suppression.dsn;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A bounce as its layout recognisers see it: the top-level headers, the text written for people cut where the
 * returned copy of the original message starts, and the parts.
 *
 * @param report       the lines of the notification before the returned original
 * @param normalized   subject and report lower-cased, accents removed, white space collapsed: what markers match
 * @param returned     the text from the returned original on (its headers name the message that bounced)
 * @param action       delayed when the text says delivery will be retried, otherwise failed
 * @param reportingMta the host that wrote the bounce: named in its text, else its newest Received or From domain
 * @param ownParties   the addresses in the bounce's own From/To/... and the returned original's From, Sender,
 *                     Return-Path and Reply-To (our own sender): never failed recipients
 * @param listed       the addresses {@code X-Failed-Recipients} names: when present, the failed recipients
 */
record BounceText(Headers headers, String subject, List<String> report, String normalized, String returned,
                  DeliveryAction action, @Nullable String reportingMta, Set<String> ownParties, Set<String> listed,
                  MessageParts parts, boolean fromMailerDaemon) {

    private static final List<String> RETURNED_MESSAGE_MARKERS = List.of(
            "--- below this line is a copy of the message", "------ this is a copy of the message",
            "----- this is a copy of the message", "--- below this line is a copy of the mail header",
            "--- below the next line is a copy of the message", "--- mensaje original adjunto",
            "------ this is a copy of your message", "----- original message", "-----original message-----",
            "original message headers", "--- the header of the original message", "----- the header of the original",
            "--- the original message", "------- returned mail follows", "----- unsent message below",
            "----- unsent message follows", "----- no message was collected", "------- returned message",
            "original message follows", "--- original message follows", "message headers follow",
            "below is a copy of the original message", "content-type: message/partial",
            "content-type: text/rfc822-headers", "|------------------------- message text follows",
            "|------------------------- message header follows", "----- message text follows", "-------original message",
            "-------original mail info", "original mail as follows", "the attachment contains the original mail",
            "ursprüngliche nachrichtenkopfzeilen", "kopfzeilen der ursprünglichen nachricht",
            "--- originalnachricht", "en-têtes de message d'origine", "en-têtes du message d'origine",
            "--- message d'origine", "------ copie de", "content-type: message/rfc822", "return-path:",
            "received: from");
    private static final Pattern QUOTED_HEADER =
            Pattern.compile("(?i)(from|to|cc|subject|date|message-id|reply-to|mime-version|sender):\\s");
    private static final Pattern RETURNED_SENDER = Pattern.compile("(?im)^\\s*(?:from|sender|return-path|reply-to):(.{1,300})$");
    private static final Pattern RETURNED_MESSAGE_ID = Pattern.compile("(?im)^\\s*message-id:\\s*(<[^<>\\s]+>)");
    private static final Pattern DELAYED = Pattern.compile("\\b(?:has not yet been delivered|has been delayed|"
            + "delivery delayed|delayed mail|message delayed|this is only a warning|warning only|"
            + "will continue trying|will keep trying|will retry|will be retried|still being retried|"
            + "temporary problem delivering|you do not need to resend|verzogert|noch nicht zugestellt|"
            + "wird weiterhin versucht|nur eine warnung|nicht erneut senden|n'a pas encore ete remis|"
            + "seulement un avertissement|pas besoin de renvoyer|retardee?s?|differee?s?)\\b|\\(delay\\)");
    // Only sentences a delay notice never writes: Google's delay notice says "if the delivery fails permanently".
    private static final Pattern PERMANENT = Pattern.compile("\\b(?:permanent error|failed permanently|"
            + "permanent fatal errors?|i've given up|erreur permanente|dauerhafter fehler|permanenter fehler)\\b");

    static BounceText of(Headers headers, MessageParts parts, String text, boolean fromMailerDaemon) {
        var lines = List.of(text.split("\\r?\\n|\\r", -1));
        int cut = returnedMessageStart(lines);
        var report = lines.subList(0, cut);
        var returned = String.join("\n", lines.subList(cut, lines.size()));
        var subject = headers.subject();
        var normalized = normalize(subject + "\n" + String.join("\n", report));
        var action = DELAYED.matcher(normalized).find() && !PERMANENT.matcher(normalized).find()
                ? DeliveryAction.DELAYED : DeliveryAction.FAILED;
        var reporting = RejectingHost.reporting(String.join("\n", report));
        if (reporting == null) {
            reporting = headers.writtenBy();
        }
        var ownParties = new java.util.LinkedHashSet<>(headers.addresses("From", "To", "Cc", "Sender", "Reply-To",
                "Return-Path"));
        ownParties.addAll(returnedSenders(parts, returned));
        var listed = headers.addresses("X-Failed-Recipients");
        return new BounceText(headers, subject, List.copyOf(report), normalized, returned, action, reporting,
                Set.copyOf(ownParties), listed, parts, fromMailerDaemon);
    }

    /**
     * Who sent the returned original, from its part or its quoted headers: the sender the bounce goes back to, so
     * never the recipient that failed, however near a failure word the notice names it.
     */
    private static Set<String> returnedSenders(MessageParts parts, String returned) {
        var senders = new java.util.LinkedHashSet<String>();
        parts.first("message/rfc822", "text/rfc822-headers", "message/rfc822-headers").ifPresent(section -> {
            for (var name : List.of("From", "Sender", "Return-Path", "Reply-To")) {
                var value = section.headers().getHeader(name, ",");
                if (value != null) {
                    var m = PlainTextBounce.ANY_ADDRESS.matcher(value);
                    while (m.find()) {
                        senders.add(m.group().toLowerCase(Locale.ROOT));
                    }
                }
            }
        });
        var quoted = RETURNED_SENDER.matcher(returned);
        while (quoted.find() && senders.size() < 16) {
            var m = PlainTextBounce.ANY_ADDRESS.matcher(quoted.group(1));
            while (m.find()) {
                senders.add(m.group().toLowerCase(Locale.ROOT));
            }
        }
        return senders;
    }

    String reportText() {
        return String.join("\n", report);
    }

    /** Whether the subject or the notification says this (compared normalised). */
    boolean says(String phrase) {
        return normalized.contains(normalize(phrase));
    }

    /** Whether the subject or the notification says any of these. */
    boolean saysAny(String... phrases) {
        for (var phrase : phrases) {
            if (says(phrase)) {
                return true;
            }
        }
        return false;
    }

    boolean subjectStartsWith(String prefix) {
        return subject.strip().toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT));
    }

    boolean fromContains(String text) {
        var from = headers.value("From");
        return from != null && from.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT));
    }

    boolean has(String header) {
        return headers.value(header) != null;
    }

    boolean headerContains(String header, String text) {
        for (var value : headers.all(header)) {
            if (value.toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** The Message-ID of the returned original when its headers are quoted in the text. */
    @Nullable String returnedMessageId() {
        return Optional.of(returned).map(RETURNED_MESSAGE_ID::matcher).filter(Matcher::find).map(m -> m.group(1))
                .orElse(null);
    }

    private static int returnedMessageStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i).strip().toLowerCase(Locale.ROOT);
            for (var marker : RETURNED_MESSAGE_MARKERS) {
                if (line.startsWith(marker)) {
                    return i;
                }
            }
            if (startsQuotedHeaders(lines, i)) {
                return i;
            }
        }
        return lines.size();
    }

    /**
     * The returned original quoted without a banner: header fields at the start of their lines, From and Subject
     * among three or more in a row. Its To and Cc then never pass for failed recipients. Indented fields are the
     * bounce's own summary of the message (Exchange's "To: ... Subject: ... Sent: ..."), so they do not count.
     */
    private static boolean startsQuotedHeaders(List<String> lines, int at) {
        int fields = 0;
        boolean from = false;
        boolean subject = false;
        for (int i = at; i < lines.size() && i < at + 8; i++) {
            var m = QUOTED_HEADER.matcher(lines.get(i));
            if (!m.lookingAt()) {
                break;
            }
            var name = m.group(1).toLowerCase(Locale.ROOT);
            from |= name.equals("from");
            subject |= name.equals("subject");
            fields++;
        }
        return fields >= 3 && from && subject;
    }

    /** Lower case, accents and typographic apostrophes removed, white space collapsed: what the markers match. */
    static String normalize(String text) {
        var decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").replace('’', '\'').replace('‘', '\'')
                .replaceAll("\\s+", " ");
    }
}
