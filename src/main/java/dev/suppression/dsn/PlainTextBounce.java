package dev.suppression.dsn;

import dev.suppression.classification.EnhancedStatusCode;
import dev.suppression.classification.SmtpReplyCode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A bounce written for people rather than as an RFC 3464 report (qmail, Exim, Postfix without a report part,
 * Exchange, Google, Yahoo, localized texts). Each failed recipient stands at the start of its own line, with
 * what the remote server said on the lines that follow (indented or not); layouts that name the recipient
 * only inside a sentence ("Your message wasn't delivered to ...") are read by the sentence. Everything from
 * the returned copy of the original message on is left out, except for its {@code Message-ID}.
 */
record PlainTextBounce(BounceFormat format, DeliveryAction action, List<FailedRecipient> recipients,
                       @Nullable String returnedMessageId) {

    // The local part starts where a run of address characters starts and never gives characters back, so that
    // searching a long run without '@' stays linear.
    private static final String ADDRESS = "(?<![^\\s<>()\\[\\]\"':;,@])[^\\s<>()\\[\\]\"':;,@]++@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+"
            + "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?";
    /** A line that opens with an address: {@code <jane@x>:}, {@code   jane@x}, {@code jane@x<mailto:jane@x>}. */
    private static final Pattern RECIPIENT_LINE =
            Pattern.compile("^(\\s*)[\"']?<?(?:mailto:)?(" + ADDRESS + ")>?[\"']?(.*)$");
    /** An address inside a sentence that names it as the one the message did not reach. */
    private static final Pattern RECIPIENT_IN_SENTENCE = Pattern.compile("(?iu)(?:\\bto|\\ban|\\bfür|\\bà|recipients?|"
            + "empfänger|destinataires?|address|adresse)\\s*:?\\s*[\"']?<?(" + ADDRESS + ")");
    private static final Pattern ANY_ADDRESS = Pattern.compile(ADDRESS);
    /** A reply code opening an SMTP response: "550 5.1.1 ...", "said: 550-...", "smtp;550 ...", "'550 ...". */
    private static final Pattern REPLY_CODE = Pattern.compile("(?<![\\w.:/-])[245]\\d\\d(?=[ -]\\S|$)");
    private static final Pattern CONTINUATION_CODE = Pattern.compile("^([245]\\d\\d)[ -](?:[245]\\.\\d{1,3}\\.\\d{1,3}\\s+)?");
    private static final Pattern RESPONSE_HEADING = Pattern.compile("(?iu)(?:the )?(?:response|error|reason|"
            + "remote server|antwort|fehlermeldung|réponse|reponse|erreur)\\b[^:]{0,60}:");
    private static final Pattern RETURNED_MESSAGE_ID = Pattern.compile("(?im)^message-id:\\s*(<[^<>\\s]+>)");
    private static final List<String> RETURNED_MESSAGE_MARKERS = List.of(
            "--- below this line is a copy of the message", "------ this is a copy of the message",
            "------ this is a copy of your message", "----- original message", "-----original message-----",
            "original message headers", "--- the header of the original message", "----- the header of the original",
            "--- the original message", "------- returned mail follows", "----- unsent message below",
            "ursprüngliche nachrichtenkopfzeilen", "kopfzeilen der ursprünglichen nachricht",
            "--- originalnachricht", "en-têtes de message d'origine", "en-têtes du message d'origine",
            "--- message d'origine", "------ copie de", "return-path:", "received: from");
    /** Lines that close an SMTP response: what the MTA says after quoting it. */
    private static final List<String> RESPONSE_TRAILERS = List.of("giving up on", "i'm not going to try again",
            "diagnostic information for administrators", "generating server:", "---", "no action is required");
    private static final List<Pattern> REMOTE_HOST = List.of(
            // Postfix "host mx.example.net[192.0.2.2] said:", Exim "host mx.example.com [192.0.2.1]", localized.
            Pattern.compile("(?iu)\\b(?:host|hôte|hote|server|serveur|servidor)(?:\\s+distant)?\\s+([a-z0-9][a-z0-9.-]*\\.[a-z]{2,})\\.?\\s*\\[[0-9a-f.:]+]"),
            // Google "rejected by the server for the recipient domain x by mx.x. [192.0.2.3]".
            Pattern.compile("(?i)\\bby\\s+([a-z0-9][a-z0-9.-]*\\.[a-z]{2,})\\.?\\s*\\[[0-9a-f.:]+]"),
            // Sendmail transcripts.
            Pattern.compile("(?i)while talking to\\s+([a-z0-9][a-z0-9.-]*\\.[a-z]{2,})"),
            // Exchange 2003 "<mx.example.com #5.1.1 smtp;550 ...>".
            Pattern.compile("(?i)<([a-z0-9][a-z0-9.-]*\\.[a-z]{2,})\\s+#[245]\\.\\d"),
            // qmail "192.0.2.1 does not like recipient."
            Pattern.compile("(?im)^\\s*(\\d{1,3}(?:\\.\\d{1,3}){3}) does not like recipient"));
    private static final List<Pattern> REPORTING_HOST = List.of(
            Pattern.compile("(?i)qmail-send program at ([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?iu)mail ?system (?:at|auf) (?:dem )?host ([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?iu)système de messagerie (?:de l'|sur l')hôte ([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            // Spanish, Italian, Portuguese and Dutch Postfix-style templates.
            Pattern.compile("(?iu)sistema de correo del servidor ([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?iu)sistema di posta dell'host ([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?iu)sistema de correio do servidor ([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?iu)mailsysteem op host ([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?i)generating server:\\s*([a-z0-9][a-z0-9.-]*[a-z0-9])"),
            Pattern.compile("(?i)on the queue on ([a-z0-9][a-z0-9.-]*[a-z0-9])"));
    private static final Pattern DELAYED = Pattern.compile("\\b(?:has not yet been delivered|has been delayed|"
            + "delivery delayed|delayed mail|message delayed|this is only a warning|warning only|"
            + "will continue trying|will keep trying|will retry|will be retried|still being retried|"
            + "temporary problem delivering|you do not need to resend|verzogert|noch nicht zugestellt|"
            + "wird weiterhin versucht|nur eine warnung|nicht erneut senden|n'a pas encore ete remis|"
            + "seulement un avertissement|pas besoin de renvoyer|retardee?s?|differee?s?)\\b|\\(delay\\)");
    // Only sentences a delay notice never writes: Google's delay notice says "if the delivery fails permanently".
    private static final Pattern PERMANENT = Pattern.compile("\\b(?:permanent error|failed permanently|"
            + "permanent fatal errors?|i've given up|erreur permanente|dauerhafter fehler|permanenter fehler)\\b");
    private static final Set<String> ROLE_ACCOUNTS = Set.of("postmaster", "mailer-daemon", "mailerdaemon",
            "mail-daemon", "abuse", "hostmaster", "noreply", "no-reply", "support", "help");
    private static final int MAX_RESPONSE = 2_000;
    private static final int MAX_EVIDENCE = 4_000;
    private static final int MAX_SENTENCE_RECIPIENTS = 1_000;
    private static final int MAX_BLOCK_LINES = 200;

    /**
     * Reads a notification text; empty when it is in no known layout and the message does not otherwise look
     * like a bounce ({@code fromMailerDaemon}).
     *
     * @param ownParties the addresses in the bounce's own From/To/...: never failed recipients
     * @param listed     addresses a header names as failed ({@code X-Failed-Recipients}), a hint for free text
     */
    static Optional<PlainTextBounce> read(String text, String subject, Set<String> ownParties, Set<String> listed,
                                          boolean fromMailerDaemon) {
        var normalizedText = normalize(text);
        var format = BounceFormat.recognise(normalizedText)
                .or(() -> fromMailerDaemon ? Optional.of(BounceFormat.OTHER_PLAIN_TEXT) : Optional.empty());
        if (format.isEmpty()) {
            return Optional.empty();
        }
        var lines = List.of(text.split("\\r?\\n|\\r", -1));
        int cut = returnedMessageStart(lines);
        var report = lines.subList(0, cut);
        var returned = String.join("\n", lines.subList(cut, lines.size()));
        var normalized = normalize(subject + "\n" + String.join("\n", report));
        var action = DELAYED.matcher(normalized).find() && !PERMANENT.matcher(normalized).find()
                ? DeliveryAction.DELAYED : DeliveryAction.FAILED;
        var reportText = String.join("\n", report);
        var reportingMta = firstGroup(REPORTING_HOST, reportText);
        var blocks = recipientBlocks(report, ownParties);
        if (blocks.isEmpty()) {
            blocks = sentenceRecipients(report, ownParties, listed);
        }
        var recipients = new ArrayList<FailedRecipient>();
        for (var block : blocks.entrySet()) {
            recipients.add(recipient(block.getKey(), block.getValue(), blocks.size() == 1 ? report : List.of(),
                    action, reportingMta));
        }
        var returnedId = Optional.of(returned).map(RETURNED_MESSAGE_ID::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).orElse(null);
        return Optional.of(new PlainTextBounce(format.get(), action, List.copyOf(recipients), returnedId));
    }

    private static FailedRecipient recipient(String address, List<String> block, List<String> wholeReport,
                                             DeliveryAction action, @Nullable String reportingMta) {
        var response = response(block);
        if (response == null && !wholeReport.isEmpty()) {
            // A single recipient whose response stands in its own paragraph (Google: "The error that the other
            // server returned was:").
            response = response(wholeReport);
        }
        var diagnostic = response != null ? response : firstParagraph(block);
        var blockText = String.join("\n", block);
        var remoteMta = firstGroup(REMOTE_HOST, blockText);
        if (remoteMta == null && !wholeReport.isEmpty()) {
            remoteMta = firstGroup(REMOTE_HOST, String.join("\n", wholeReport));
        }
        var inText = diagnostic == null ? null : EnhancedStatusCode.find(diagnostic).orElse(null);
        var status = DeliveryStatusReport.effectiveStatus(action, inText, null);
        var smtpCode = diagnostic == null ? null : SmtpReplyCode.find(diagnostic).map(SmtpReplyCode::value).orElse(null);
        var evidence = address + "\n" + blockText.strip();
        return new FailedRecipient(address, null, action, status, smtpCode, diagnostic, remoteMta, reportingMta, null,
                evidence.length() <= MAX_EVIDENCE ? evidence : evidence.substring(0, MAX_EVIDENCE));
    }

    /**
     * The text of each recipient line and the lines under it, merged per address (Microsoft 365 names each
     * recipient twice: once for people, once with the server's response). A line only opens a new recipient
     * when it is indented no deeper than the current one, so a wrapped response quoting the address stays
     * with it.
     */
    private static Map<String, List<String>> recipientBlocks(List<String> report, Set<String> ownParties) {
        var blocks = new LinkedHashMap<String, List<String>>();
        List<String> current = null;
        int currentIndent = Integer.MAX_VALUE;
        for (var line : report) {
            var m = RECIPIENT_LINE.matcher(line);
            if (m.matches() && m.group(1).length() <= currentIndent && isRecipient(m.group(2), ownParties)) {
                current = blocks.computeIfAbsent(m.group(2).toLowerCase(Locale.ROOT), k -> new ArrayList<>());
                if (!current.isEmpty()) {
                    current.add("");
                }
                currentIndent = m.group(1).length();
                current.add(m.group(3).replaceFirst("^\\s*(?:<mailto:[^>]*>)?\\s*:?", "").strip());
            } else if (current != null) {
                current.add(line);
            }
        }
        return blocks;
    }

    /** Free text: the addresses named as the one the message did not reach, each with the paragraphs naming it. */
    private static Map<String, List<String>> sentenceRecipients(List<String> report, Set<String> ownParties,
                                                                Set<String> listed) {
        var blocks = new LinkedHashMap<String, List<String>>();
        var text = String.join("\n", report);
        var m = RECIPIENT_IN_SENTENCE.matcher(text);
        while (m.find() && blocks.size() < MAX_SENTENCE_RECIPIENTS) {
            if (isRecipient(m.group(1), ownParties)) {
                blocks.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), new ArrayList<>());
            }
        }
        var any = ANY_ADDRESS.matcher(text);
        while (!listed.isEmpty() && any.find() && blocks.size() < MAX_SENTENCE_RECIPIENTS) {
            if (listed.contains(any.group().toLowerCase(Locale.ROOT)) && isRecipient(any.group(), ownParties)) {
                blocks.putIfAbsent(any.group().toLowerCase(Locale.ROOT), new ArrayList<>());
            }
        }
        if (!blocks.isEmpty()) {
            addParagraphsNaming(blocks, report);
        }
        return blocks;
    }

    /** Gives each address the paragraphs that name it, so that several recipients keep their own responses. */
    private static void addParagraphsNaming(Map<String, List<String>> blocks, List<String> report) {
        var paragraph = new ArrayList<String>();
        for (int i = 0; i <= report.size(); i++) {
            if (i < report.size() && !report.get(i).isBlank()) {
                paragraph.add(report.get(i));
                continue;
            }
            if (!paragraph.isEmpty()) {
                var named = ANY_ADDRESS.matcher(String.join("\n", paragraph));
                var seen = new LinkedHashSet<String>();
                while (named.find()) {
                    var block = blocks.get(named.group().toLowerCase(Locale.ROOT));
                    if (block != null && seen.add(named.group().toLowerCase(Locale.ROOT))
                            && block.size() + paragraph.size() <= MAX_BLOCK_LINES) {
                        block.addAll(paragraph);
                        block.add("");
                    }
                }
                paragraph.clear();
            }
        }
    }

    private static boolean isRecipient(String address, Set<String> ownParties) {
        var lower = address.toLowerCase(Locale.ROOT);
        var local = lower.substring(0, lower.lastIndexOf('@'));
        return !ownParties.contains(lower) && !ROLE_ACCOUNTS.contains(local);
    }

    /**
     * The SMTP response in a block: from the first reply code to the end of its paragraph, a multi-line reply
     * ({@code 550-5.1.1 ...}) joined into one, without the quotes or brackets the MTA put around it.
     */
    static @Nullable String response(List<String> block) {
        for (int i = 0; i < block.size(); i++) {
            var line = block.get(i);
            var m = REPLY_CODE.matcher(line);
            if (!m.find()) {
                continue;
            }
            var before = line.substring(0, m.start()).strip();
            var code = m.group();
            var text = new StringBuilder(line.substring(m.start()).strip());
            // "550-" announces more lines of the same reply; "550 " is its last line.
            boolean replyEnded = line.startsWith(code + " ", m.start());
            for (int j = i + 1; j < block.size(); j++) {
                var next = block.get(j).strip();
                if (next.isEmpty() || isTrailer(next)) {
                    break;
                }
                var continuation = CONTINUATION_CODE.matcher(next);
                if (continuation.lookingAt()) {
                    if (replyEnded || !continuation.group(1).equals(code)) {
                        break;
                    }
                    replyEnded = next.charAt(3) == ' ';
                    text.append(' ').append(next.substring(continuation.end()));
                } else {
                    text.append(' ').append(next);
                }
            }
            var response = text.toString().replaceAll("\\s+", " ").strip();
            if (before.endsWith("'") && response.endsWith("'")) {
                response = response.substring(0, response.length() - 1);
            }
            if (before.lastIndexOf('<') > before.lastIndexOf('>') && response.endsWith(">")) {
                response = response.substring(0, response.length() - 1);
            }
            return cap(response.strip());
        }
        return afterHeading(block);
    }

    /** A response without a reply code, in the paragraph under "The response was:" and the like. */
    private static @Nullable String afterHeading(List<String> block) {
        for (int i = 0; i < block.size(); i++) {
            if (RESPONSE_HEADING.matcher(block.get(i).strip()).matches()) {
                var rest = block.subList(i + 1, block.size());
                return firstParagraph(rest);
            }
        }
        return null;
    }

    private static @Nullable String firstParagraph(List<String> block) {
        var text = new StringBuilder();
        for (var line : block) {
            if (line.isBlank() || isTrailer(line.strip())) {
                if (!text.isEmpty()) {
                    break;
                }
                continue;
            }
            text.append(' ').append(line.strip());
        }
        var paragraph = text.toString().strip();
        return paragraph.isEmpty() ? null : cap(paragraph);
    }

    private static boolean isTrailer(String line) {
        var lower = line.toLowerCase(Locale.ROOT);
        return RESPONSE_TRAILERS.stream().anyMatch(lower::startsWith);
    }

    private static int returnedMessageStart(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i).strip().toLowerCase(Locale.ROOT);
            for (var marker : RETURNED_MESSAGE_MARKERS) {
                if (line.startsWith(marker)) {
                    return i;
                }
            }
        }
        return lines.size();
    }

    private static @Nullable String firstGroup(List<Pattern> patterns, String text) {
        for (var pattern : patterns) {
            var m = pattern.matcher(text);
            if (m.find()) {
                var host = m.group(1).toLowerCase(Locale.ROOT);
                return host.length() <= 255 ? host : null;
            }
        }
        return null;
    }

    private static String cap(String text) {
        return text.length() <= MAX_RESPONSE ? text : text.substring(0, MAX_RESPONSE) + "…";
    }

    /** Lower case, accents and typographic apostrophes removed, white space collapsed: what the markers match. */
    static String normalize(String text) {
        var decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").replace('’', '\'').replace('‘', '\'')
                .replaceAll("\\s+", " ");
    }
}
