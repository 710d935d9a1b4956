package dev.suppression.dsn;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A bounce that a person forwarded (to a postmaster or support address, or straight to us): the message to read
 * is the one inside, attached as {@code message/rfc822} (or an {@code .eml} file) or pasted into the text under a
 * mail client's "Forwarded message" banner. Only a message that is not a bounce itself is unwrapped: a bounce
 * also carries a {@code message/rfc822} part, the original that failed, and its own report comes first.
 * Candidates are tried in order; one the parser does not read as a bounce leaves the outer message to be read.
 */
final class ForwardedBounce {

    /** What mail clients put before a subject they forward, in the languages bounces reach us in. */
    private static final Pattern FORWARDED_SUBJECT =
            Pattern.compile("(?iu)^\\s*(?:\\[[^\\]]{0,40}\\]\\s*)?(?:fwd?|wg|tr|rv|enc|i|vs|vb|doorst|fs|pd)\\s*:");
    private static final Pattern SUBJECT_PREFIXES =
            Pattern.compile("(?iu)^(?:\\s*(?:\\[[^\\]]{0,40}\\]\\s*)?(?:fwd?|wg|tr|rv|enc|i|vs|vb|doorst|rif|fs|pd|aw|re)\\s*:)+\\s*");
    private static final Pattern BANNER = Pattern.compile("(?iu)^[\\s*>]*(?:[-_=]{2,}\\s*)?(?:"
            + "forwarded message|original message|forwarded e-?mail|weitergeleitete nachricht|urspr(?:ü|ue)ngliche nachricht|"
            + "message transf(?:é|e)r(?:é|e)|message d'origine|message original|messaggio inoltrato|messaggio originale|"
            + "mensaje reenviado|mensaje original|mensagem encaminhada|mensagem original|doorgestuurd bericht|"
            + "oorspronkelijk bericht|videresendt melding|vidarebefordrat meddelande|originalmeddelande)"
            + "\\s*(?:[-_=]{2,})?\\s*$|(?iu)^[\\s>]*begin forwarded message\\s*:?\\s*$");
    /** Outlook's separator: a rule of underscores, then the quoted headers. */
    private static final Pattern RULE = Pattern.compile("^[\\s>]*_{10,}\\s*$");
    private static final Pattern QUOTED_FIELD =
            Pattern.compile("^[*\\s]*([\\p{L}][\\p{L}\\d-]{0,30})[*\\s]*:[*\\s]*(.*)$");
    private static final Pattern QUOTE_MARKS = Pattern.compile("(?m)^(?:> ?)+");
    /** The quoted header names of forward banners, in mail clients' languages, as the header fields they are. */
    private static final Map<String, String> FIELD_NAMES = Map.ofEntries(
            Map.entry("from", "From"), Map.entry("sujet", "Subject"), Map.entry("pour", "To"), Map.entry("von", "From"), Map.entry("de", "From"), Map.entry("da", "From"),
            Map.entry("van", "From"), Map.entry("fra", "From"), Map.entry("från", "From"),
            Map.entry("sender", "Sender"), Map.entry("reply-to", "Reply-To"),
            Map.entry("to", "To"), Map.entry("an", "To"), Map.entry("à", "To"), Map.entry("a", "To"),
            Map.entry("para", "To"), Map.entry("aan", "To"), Map.entry("til", "To"), Map.entry("till", "To"),
            Map.entry("cc", "Cc"),
            Map.entry("subject", "Subject"), Map.entry("betreff", "Subject"), Map.entry("objet", "Subject"),
            Map.entry("oggetto", "Subject"), Map.entry("asunto", "Subject"), Map.entry("assunto", "Subject"),
            Map.entry("onderwerp", "Subject"), Map.entry("emne", "Subject"), Map.entry("ämne", "Subject"),
            Map.entry("date", "Date"), Map.entry("sent", "Date"), Map.entry("datum", "Date"),
            Map.entry("gesendet", "Date"), Map.entry("envoyé", "Date"), Map.entry("envoye", "Date"),
            Map.entry("inviato", "Date"), Map.entry("enviado", "Date"), Map.entry("fecha", "Date"),
            Map.entry("data", "Date"), Map.entry("verzonden", "Date"), Map.entry("sendt", "Date"),
            Map.entry("skickat", "Date"), Map.entry("message-id", "Message-ID"),
            Map.entry("x-failed-recipients", "X-Failed-Recipients"));

    private ForwardedBounce() {
    }

    /**
     * The messages a forwarded bounce may hold, the attached ones first, each as the bytes of an Internet message;
     * empty when the message is a bounce of its own (a delivery-status part, or sent by a mail system under a subject
     * no mail client wrote).
     *
     * @param text the text written for people, the way the parser reads it
     */
    static List<byte[]> candidates(Headers headers, MessageParts parts, String text, boolean sentByMailSystem) {
        var subject = headers.subject();
        boolean forwardedSubject = FORWARDED_SUBJECT.matcher(subject).find();
        // A postmaster forwarding a bounce to us sends from a mail system's address, but says "FW:" as anyone does.
        if ((sentByMailSystem && !forwardedSubject)
                || parts.first("message/delivery-status", "message/global-delivery-status").isPresent()) {
            return List.of();
        }
        var candidates = new ArrayList<byte[]>();
        for (var section : parts.sections()) {
            if (section.type().is("message/rfc822") || section.type().is("message/global") || isEmlFile(section)) {
                candidates.add(section.bytes());
            }
        }
        boolean banner = false;
        for (var section : parts.sections()) {
            if (!section.type().is("text/plain") && !section.type().is("text/html")) {
                continue;
            }
            var lines = List.of(section.text().split("\\r?\\n|\\r", -1));
            int start = forwardedStart(lines);
            if (start >= 0) {
                candidates.add(inline(lines.subList(start, lines.size()), subject));
                banner = true;
            }
        }
        if (!banner && forwardedSubject && !text.isBlank()) {
            candidates.add(inline(List.of(text.split("\\r?\\n|\\r", -1)), subject));
        }
        return candidates;
    }

    private static boolean isEmlFile(MessageParts.Section section) {
        try {
            var name = section.part().getFileName();
            return name != null && name.toLowerCase(Locale.ROOT).strip().endsWith(".eml");
        } catch (jakarta.mail.MessagingException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Where the forwarded message starts: after the first forward banner (a "Forwarded message" line, or a rule
     * right before quoted headers), else at a quoted header block naming its sender and subject (Outlook's HTML
     * forwards set the block off by a border, not a line); -1 when the text has neither.
     */
    private static int forwardedStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (BANNER.matcher(lines.get(i)).matches()) {
                return i + 1;
            }
            if (RULE.matcher(lines.get(i)).matches() && i + 1 < lines.size() && quotedField(lines.get(i + 1)) != null) {
                return i + 1;
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            var field = quotedField(lines.get(i));
            if (field == null || !field.startsWith("From:")) {
                continue;
            }
            for (int j = i + 1; j < lines.size() && j <= i + 5; j++) {
                var next = quotedField(lines.get(j));
                if (next == null) {
                    break;
                }
                if (next.startsWith("Subject:")) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * The forwarded message rebuilt from the text under the banner: the quoted header block as header fields (a
     * subject from the forward's own when it has none), then the rest as its plain-text body, quote marks removed.
     */
    private static byte[] inline(List<String> lines, String outerSubject) {
        var body = QUOTE_MARKS.matcher(String.join("\n", lines)).replaceAll("");
        var rows = List.of(body.split("\n", -1));
        int at = 0;
        while (at < rows.size() && rows.get(at).isBlank()) {
            at++;
        }
        var fields = new ArrayList<String>();
        boolean subject = false;
        while (at < rows.size()) {
            var row = rows.get(at);
            if (!fields.isEmpty() && !row.isBlank() && Character.isWhitespace(row.charAt(0)) && quotedField(row) == null) {
                fields.set(fields.size() - 1, fields.getLast() + " " + row.strip());
                at++;
                continue;
            }
            var field = quotedField(row);
            if (field == null) {
                break;
            }
            subject |= field.startsWith("Subject:");
            fields.add(field);
            at++;
        }
        if (fields.isEmpty()) {
            at = 0;
        }
        var message = new StringBuilder();
        for (var field : fields) {
            message.append(field).append('\n');
        }
        if (!subject) {
            message.append("Subject: ").append(SUBJECT_PREFIXES.matcher(outerSubject).replaceFirst("")).append('\n');
        }
        message.append("MIME-Version: 1.0\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n\n");
        message.append(String.join("\n", rows.subList(Math.min(at, rows.size()), rows.size())));
        return message.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A quoted header line as a header field of the rebuilt message; null when it is not one. */
    private static @org.jspecify.annotations.Nullable String quotedField(String line) {
        var m = QUOTED_FIELD.matcher(line);
        if (!m.matches()) {
            return null;
        }
        var name = FIELD_NAMES.get(m.group(1).toLowerCase(Locale.ROOT));
        if (name == null) {
            return null;
        }
        var value = m.group(2).strip();
        if (name.equals("Subject")) {
            value = SUBJECT_PREFIXES.matcher(value).replaceFirst("");
        }
        // Mail clients render addresses as links: "Name [mailto:a@b]" or "a@b <mailto:a@b>".
        value = value.replaceAll("(?i)\\[mailto:([^\\]\\s]+)]", "<$1>").replaceAll("(?i)<mailto:", "<");
        return name + ": " + value;
    }
}
