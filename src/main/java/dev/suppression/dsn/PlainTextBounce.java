package dev.suppression.dsn;

import dev.suppression.classification.EnhancedStatusCode;
import dev.suppression.classification.SmtpReplyCode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The generic reading of a bounce written for people rather than as an RFC 3464 report, which most layouts
 * share: each failed recipient stands at the start of its own line, with what the remote server said on the
 * lines that follow (indented or not); layouts that name the recipient only inside a sentence ("Your message
 * wasn't delivered to ...") are read by the sentence. {@code X-Failed-Recipients}, when present, says which of
 * the addresses are the failed ones. Layouts with their own places for the recipient build on
 * {@link #failed}, which gives every recipient its status, stage and hosts the same way.
 */
final class PlainTextBounce {

    // The local part starts where a run of address characters starts and never gives characters back, so that
    // searching a long run without '@' stays linear. A quoted local part ("neko..nyaan"@x) is one of RFC 5321's.
    static final String DOMAIN = "(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?\\.)+"
            + "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?";
    static final String ADDRESS = "(?:\"[^\"\\r\\n\\\\]{1,64}\"|(?<![^\\s<>()\\[\\]\"':;,@])[^\\s<>()\\[\\]\"':;,@]++)@" + DOMAIN;
    /** A line that opens with an address: {@code <jane@x>:}, {@code   jane@x}, {@code jane@x<mailto:jane@x>}. */
    private static final Pattern RECIPIENT_LINE =
            Pattern.compile("^(\\s*)(?:>>>\\s*|\\*\\s+|-\\s+)?'?<?(?:mailto:)?(" + ADDRESS + ")>?'?(.*)$");
    /** An address inside a sentence that names it as the one the message did not reach. */
    private static final Pattern RECIPIENT_IN_SENTENCE = Pattern.compile("(?iu)(?:\\bto|\\ban|\\bfür|\\bà|recipients?|"
            + "empfänger|destinataires?|address|adresse|errors|error-for|unknown user|mailbox is full|delivery failed)\\s*:?\\s*(?:rfc822\\s*;\\s*)?[\"']?<?(" + ADDRESS + ")");
    /** Words a notice writes next to the address that failed, in any language we read. */
    private static final Pattern FAILURE_WORDS = Pattern.compile("(?iu)unknown|does not exist|doesn't exist|no such|"
            + "not found|rejected|refused|invalid|unavailable|undeliverable|could not be delivered|not delivered|"
            + "failed|failure|disabled|inactive|over quota|quota exceeded|mailbox full|unbekannt|existiert nicht|"
            + "inconnu|n'existe pas|introuvable|desconocido|no existe|sconosciuto|non esiste");
    private static final Pattern ANGLE_ADDRESS = Pattern.compile("<(?:mailto:)?(" + ADDRESS + ")>");
    static final Pattern ANY_ADDRESS = Pattern.compile(ADDRESS);
    private static final Pattern RETURNED_TO = Pattern.compile("(?im)^to:\\s*(.+)$");
    /** A reply code opening an SMTP response: "550 5.1.1 ...", "said: 550-...", "smtp;550 ...", "'550 ...". */
    private static final Pattern REPLY_CODE = Pattern.compile("(?<![\\w.:/-])[245]\\d\\d(?=[ -]\\S|$)");
    private static final Pattern CONTINUATION_CODE = Pattern.compile("^([245]\\d\\d)[ -](?:[245]\\.\\d{1,3}\\.\\d{1,3}\\s+)?");
    private static final Pattern RESPONSE_HEADING = Pattern.compile("(?iu)(?:the )?(?:response|error|reason|"
            + "remote server|antwort|fehlermeldung|réponse|reponse|erreur)\\b[^:]{0,60}:");
    /** Lines that close an SMTP response: what the MTA says after quoting it. */
    private static final List<String> RESPONSE_TRAILERS = List.of("giving up on", "i'm not going to try again",
            "diagnostic information for administrators", "generating server:", "---", "no action is required",
            "remote system:");
    private static final Set<String> ROLE_ACCOUNTS = Set.of("postmaster", "mailer-daemon", "mailerdaemon",
            "mail-daemon", "abuse", "hostmaster", "noreply", "no-reply", "support", "help");
    private static final int MAX_RESPONSE = 2_000;
    private static final int MAX_EVIDENCE = 4_000;
    private static final int MAX_SENTENCE_RECIPIENTS = 1_000;
    private static final int MAX_BLOCK_LINES = 200;

    private PlainTextBounce() {
    }

    /** The failed recipients of the generic reading; empty when the text names none. */
    static List<FailedRecipient> recipients(BounceText bounce) {
        var report = bounce.report();
        var blocks = recipientBlocks(report, bounce.ownParties());
        if (!bounce.listed().isEmpty()) {
            // The header names the failed ones: an address the text quotes from elsewhere is not one of them.
            var failed = new LinkedHashMap<String, List<String>>();
            blocks.forEach((address, block) -> {
                if (bounce.listed().contains(address)) {
                    failed.put(address, block);
                }
            });
            blocks = failed;
        }
        if (blocks.isEmpty()) {
            blocks = sentenceRecipients(report, bounce.ownParties(), bounce.listed());
        }
        if (blocks.isEmpty()) {
            for (var address : bounce.listed()) {
                if (isRecipient(address, bounce.ownParties())) {
                    blocks.put(address, new ArrayList<>());
                }
            }
        }
        var recipients = new ArrayList<FailedRecipient>();
        for (var block : blocks.entrySet()) {
            recipients.add(recipient(bounce, block.getKey(), block.getValue(), blocks.size() == 1));
        }
        return recipients;
    }

    /**
     * The last reading of a bounce no layout and no generic rule found a recipient in, before it is refused: the
     * one address the notice gives in angle brackets on a line with a failure word ("the mailbox &lt;x@y&gt; is
     * unknown"), else the one addressee of the returned original. Our own sender and role accounts (the
     * reporting MTA's postmaster) never count, and neither reading guesses between several candidates.
     */
    static List<FailedRecipient> lastResort(BounceText bounce) {
        var candidates = new LinkedHashSet<String>();
        for (var line : bounce.report()) {
            if (!FAILURE_WORDS.matcher(line).find()) {
                continue;
            }
            var m = ANGLE_ADDRESS.matcher(line);
            while (m.find() && candidates.size() < 2) {
                if (isRecipient(m.group(1), bounce.ownParties())) {
                    candidates.add(key(m.group(1)));
                }
            }
        }
        String address = candidates.size() == 1 ? candidates.getFirst() : null;
        if (address == null && candidates.isEmpty()) {
            address = onlyAddresseeOfReturned(bounce);
        }
        if (address == null) {
            return List.of();
        }
        return List.of(recipient(bounce, address, List.of(), true));
    }

    /** A recipient and the lines about it: the response is the first in its block, else in the whole report. */
    static FailedRecipient recipient(BounceText bounce, String address, List<String> block, boolean onlyRecipient) {
        var response = response(block);
        if (response == null && onlyRecipient) {
            // A single recipient whose response stands in its own paragraph (Google: "The error that the other
            // server returned was:").
            response = response(bounce.report());
        }
        var diagnostic = response != null ? response : firstParagraph(block);
        if (diagnostic == null && onlyRecipient) {
            diagnostic = firstParagraph(bounce.report());
        }
        return failed(bounce, address, diagnostic, String.join("\n", block), onlyRecipient);
    }

    /**
     * One failed recipient with what the bounce says about it, its status and reply code from the diagnostic,
     * its stage and rejecting host from the diagnostic and its lines (or, for the only recipient, the whole text).
     */
    static FailedRecipient failed(BounceText bounce, String address, @Nullable String diagnostic, String lines,
                                  boolean onlyRecipient) {
        var reportText = onlyRecipient ? bounce.reportText() : lines;
        var stage = RefusalStage.of(diagnostic, lines);
        if (stage == dev.suppression.classification.SmtpStage.UNKNOWN && onlyRecipient) {
            stage = RefusalStage.of(null, reportText);
        }
        var remoteMta = RejectingHost.remote(lines);
        if (remoteMta == null && diagnostic != null) {
            remoteMta = RejectingHost.remote(diagnostic);
        }
        if (remoteMta == null && onlyRecipient) {
            remoteMta = RejectingHost.remote(reportText);
        }
        if (remoteMta == null) {
            remoteMta = bounce.reportingMta();
        }
        var inText = diagnostic == null ? null : EnhancedStatusCode.find(diagnostic).orElse(null);
        var status = DeliveryStatusReport.effectiveStatus(bounce.action(), inText, null);
        var smtpCode = diagnostic == null ? null : SmtpReplyCode.find(diagnostic).map(SmtpReplyCode::value).orElse(null);
        var evidence = address + "\n" + lines.strip();
        return new FailedRecipient(address, null, bounce.action(), status, smtpCode, diagnostic == null ? null : cap(diagnostic),
                stage, remoteMta, bounce.reportingMta(), null,
                evidence.length() <= MAX_EVIDENCE ? evidence : evidence.substring(0, MAX_EVIDENCE));
    }

    /**
     * The text of each recipient line and the lines under it, merged per address (Microsoft 365 names each
     * recipient twice: once for people, once with the server's response). A line only opens a new recipient
     * when it is indented no deeper than the current one, so a wrapped response quoting the address stays
     * with it.
     */
    static Map<String, List<String>> recipientBlocks(List<String> report, Set<String> ownParties) {
        var blocks = new LinkedHashMap<String, List<String>>();
        List<String> current = null;
        int currentIndent = Integer.MAX_VALUE;
        for (var line : report) {
            var m = RECIPIENT_LINE.matcher(line);
            if (m.matches() && m.group(1).length() <= currentIndent && isRecipient(m.group(2), ownParties)) {
                current = blocks.computeIfAbsent(key(m.group(2)), k -> new ArrayList<>());
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
    static Map<String, List<String>> sentenceRecipients(List<String> report, Set<String> ownParties,
                                                        Set<String> listed) {
        var blocks = new LinkedHashMap<String, List<String>>();
        var text = String.join("\n", report);
        if (listed.isEmpty()) {
            var m = RECIPIENT_IN_SENTENCE.matcher(text);
            while (m.find() && blocks.size() < MAX_SENTENCE_RECIPIENTS) {
                if (isRecipient(m.group(1), ownParties)) {
                    blocks.putIfAbsent(key(m.group(1)), new ArrayList<>());
                }
            }
        }
        var any = ANY_ADDRESS.matcher(text);
        while (!listed.isEmpty() && any.find() && blocks.size() < MAX_SENTENCE_RECIPIENTS) {
            if (listed.contains(key(any.group())) && isRecipient(any.group(), ownParties)) {
                blocks.putIfAbsent(key(any.group()), new ArrayList<>());
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
                    var block = blocks.get(key(named.group()));
                    if (block != null && seen.add(key(named.group()))
                            && block.size() + paragraph.size() <= MAX_BLOCK_LINES) {
                        block.addAll(paragraph);
                        block.add("");
                    }
                }
                paragraph.clear();
            }
        }
    }

    /** An address as a map key: lower-cased, the domain always, the local part unless quoted. */
    static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    static boolean isRecipient(String address, Set<String> ownParties) {
        var lower = address.toLowerCase(Locale.ROOT);
        var at = lower.lastIndexOf('@');
        if (at <= 0) {
            return false;
        }
        var local = lower.substring(0, at);
        return !ownParties.contains(lower) && !ROLE_ACCOUNTS.contains(local);
    }

    /**
     * The SMTP response in a block: from the first reply code to the end of its paragraph, a multi-line reply
     * ({@code 550-5.1.1 ...}) joined into one, without the quotes or brackets the MTA put around it.
     */
    static @Nullable String response(List<String> block) {
        // A refusal (4xx, 5xx) before any positive reply a transcript quotes on the way to it.
        var refusal = response(block, true);
        return refusal != null ? refusal : response(block, false);
    }

    private static @Nullable String response(List<String> block, boolean refusalsOnly) {
        for (int i = 0; i < block.size(); i++) {
            var line = block.get(i);
            var m = REPLY_CODE.matcher(line);
            boolean found = m.find();
            while (found && refusalsOnly && m.group().charAt(0) == '2') {
                found = m.find();
            }
            if (!found) {
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
            // The bracket the MTA opened before the reply closes after it: "<host #5.1.1 smtp;550 ...>",
            // Sendmail's "(reason: 550 ...)", X6's "[550 5.1.1 User unknown]".
            for (var pair : List.of("<>", "()", "[]")) {
                if (before.lastIndexOf(pair.charAt(0)) > before.lastIndexOf(pair.charAt(1))
                        && response.endsWith(String.valueOf(pair.charAt(1)))) {
                    response = response.substring(0, response.length() - 1);
                }
            }
            return cap(response.strip());
        }
        return refusalsOnly ? null : afterHeading(block);
    }

    /**
     * A recipient whose diagnostic has no status code, given the one its layout's fixed sentence means (Sisimai
     * reads these the same way): the classifier then need not guess from a wording only that MTA writes.
     */
    static FailedRecipient withStatusOfSentence(FailedRecipient recipient, Map<String, String> statusBySentence) {
        if (recipient.status() != null || recipient.diagnostic() == null) {
            return recipient;
        }
        var diagnostic = recipient.diagnostic().toLowerCase(Locale.ROOT);
        for (var sentence : statusBySentence.entrySet()) {
            if (diagnostic.contains(sentence.getKey())) {
                return new FailedRecipient(recipient.recipient(), recipient.finalRecipient(), recipient.action(),
                        DeliveryStatusReport.effectiveStatus(recipient.action(),
                                EnhancedStatusCode.find(sentence.getValue()).orElse(null), null),
                        recipient.smtpCode(), recipient.diagnostic(), recipient.stage(), recipient.remoteMta(),
                        recipient.reportingMta(), recipient.lastAttempt(), recipient.evidence());
            }
        }
        return recipient;
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

    static @Nullable String firstParagraph(List<String> block) {
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

    /** The first paragraphs of a text joined into one line: the explanation of a notice without a reply code. */
    static String firstParagraphs(List<String> lines, int count) {
        var text = new StringBuilder();
        int paragraphs = 0;
        boolean inParagraph = false;
        for (var line : lines) {
            if (line.isBlank()) {
                if (inParagraph && ++paragraphs == count) {
                    break;
                }
                inParagraph = false;
                continue;
            }
            inParagraph = true;
            text.append(' ').append(line.strip());
        }
        return cap(text.toString().strip());
    }

    private static boolean isTrailer(String line) {
        var lower = line.toLowerCase(Locale.ROOT);
        return RESPONSE_TRAILERS.stream().anyMatch(lower::startsWith);
    }

    private static String cap(String text) {
        return text.length() <= MAX_RESPONSE ? text : text.substring(0, MAX_RESPONSE) + "…";
    }

    /**
     * The single address of the returned message's {@code To:} (its part, else its quoted headers), for the layouts
     * that name no recipient (Google Workspace, Lotus Notes): null when it names several or one of our own.
     */
    static @Nullable String onlyAddresseeOfReturned(BounceText bounce) {
        var candidates = new ArrayList<String>();
        bounce.parts().first("message/rfc822", "text/rfc822-headers", "message/rfc822-headers")
                .map(section -> section.headers().getHeader("To", ",")).ifPresent(candidates::add);
        var quoted = RETURNED_TO.matcher(bounce.returned());
        if (quoted.find()) {
            candidates.add(quoted.group(1));
        }
        for (var value : candidates) {
            var addresses = new ArrayList<String>();
            var m = ANY_ADDRESS.matcher(value);
            while (m.find()) {
                addresses.add(m.group().toLowerCase(Locale.ROOT));
            }
            if (addresses.size() == 1 && isRecipient(addresses.getFirst(), bounce.ownParties())) {
                return addresses.getFirst();
            }
        }
        return null;
    }
}
