package dev.suppression.dsn;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.SharedByteArrayInputStream;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what a posted message is and reads it with the parser for its kind: feedback reports and read
 * receipts are refused by their report type; an RFC 3464 report is read field by field (and completed from the
 * text where its fields fall short); auto-replies and challenge-response requests that do not come from a mailer
 * daemon are refused by their headers; then the layouts of {@link BounceLayouts} are tried in order; anything
 * left is an ordinary message. The MIME structure is read the way mail clients read it, so a message one can
 * show is never refused as unreadable. A bounce is never guessed from an auto-reply, and an auto-reply never from
 * a bounce (mailer daemons mark bounces {@code Auto-Submitted: auto-replied} too, so that header is only
 * consulted last).
 */
final class BounceMessageParser {

    private static final Logger log = LoggerFactory.getLogger(BounceMessageParser.class);
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up through ServiceLoader for every header block, body part
        // and decoder (jakartaee/mail-api#861): a classpath scan that makes parsing 5-10 times slower, more in
        // a nested jar. Naming the provider that ServiceLoader would find anyway skips the scan.
        if (System.getProperty(STREAM_PROVIDER) == null && isPresent(ANGUS_STREAM_PROVIDER)) {
            System.setProperty(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
        }
    }

    private static final Session SESSION = Session.getInstance(new Properties());
    /** A header field at the start of a line: what every Internet message (RFC 5322) begins with. */
    private static final Pattern HEADER_FIELD = Pattern.compile("[!-9;-~]+[ \\t]*:.*");
    private static final Pattern FIELD_NAME = Pattern.compile("([!-9;-~]+)[ \\t]*:");
    private static final List<String> MESSAGE_HEADERS = List.of("From", "Date", "Subject", "Message-ID", "To",
            "Content-Type", "Received", "Return-Path", "MIME-Version");
    private static final Pattern BOUNCE_SUBJECT = Pattern.compile("(?iu)undeliver|undelivered|not delivered|"
            + "delivery status notification|delivery failure|failure notice|mail delivery failed|returned mail|"
            + "delivery has failed|could not be delivered|delivery notification|nondeliverable|delayed mail|"
            + "warning: message .* delayed|unzustellbar|nicht zustellbar|zustellung fehlgeschlagen|non remis|"
            + "non distribué|échec de la remise|echec de la remise|delivery failed|non-?delivery|non delivery|"
            + "mail delivery status|could not send message|mail failed|returned to sender|failed delivery|"
            + "mail system error|message not delivered");
    private static final Set<String> DAEMON_LOCAL_PARTS = Set.of("mailer-daemon", "postmaster", "mail-daemon",
            "mailerdaemon", "mdaemon", "mailer_daemon", "mail-delivery", "maildelivery");
    private static final int HEADER_SCAN_LIMIT = 64 * 1024;
    /** How many forwards deep a bounce is looked for (a bounce forwarded, then forwarded on). */
    private static final int MAX_FORWARDS = 3;
    private static final Pattern INLINE_REPORT_FIELD =
            Pattern.compile("(?im)^(?:reporting-mta|original-envelope-id|final-recipient|original-recipient)\\s*:");
    private static final Pattern INLINE_FINAL_RECIPIENT =
            Pattern.compile("(?im)^final-recipient[ \\t]*:[^\\r\\n@]{0,200}@");
    /** A recipient field naming an address: a report may leave Final-Recipient empty and name the Original. */
    private static final Pattern REPORTED_RECIPIENT =
            Pattern.compile("(?im)^(?:final|original)-recipient[ \\t]*:[^\\r\\n@]{0,200}@");

    /**
     * Reads one message as received.
     *
     * @throws UnreadableMessageException when it is empty, binary or its MIME structure is broken
     * @throws NotABounceException        when it is an auto-reply, a feedback report, an ordinary mail, ...
     */
    BounceMessage parse(byte[] message) {
        return parse(message, 0);
    }

    private BounceMessage parse(byte[] message, int forwards) {
        var raw = withHeaderSectionEnded(withoutLeadingPadding(withLineFeeds(message)));
        requireInternetMessage(raw);
        try {
            return read(new MimeMessage(SESSION, new SharedByteArrayInputStream(raw)), forwards);
        } catch (MessagingException e) {
            throw new UnreadableMessageException("The header section of the message cannot be read (" + e.getMessage()
                    + "). Post the message exactly as it was received.");
        } catch (UnreadableMessageException | NotABounceException e) {
            throw e;
        } catch (RuntimeException e) {
            // Jakarta Mail's parsers are not built for hostile input; whatever breaks them is the message's fault.
            log.warn("A posted bounce message broke the MIME parser", e);
            throw new UnreadableMessageException("The message cannot be parsed as MIME (" + e.getClass().getSimpleName()
                    + "). Post the message exactly as it was received.");
        }
    }

    private BounceMessage read(MimeMessage message, int forwards) {
        var headers = new Headers(message);
        if (MESSAGE_HEADERS.stream().allMatch(name -> headers.value(name) == null)) {
            throw new UnreadableMessageException(notAMessage());
        }
        var type = ContentTypeField.parse(headers.value("Content-Type"), "text/plain");
        var parts = MessageParts.of(message, type);
        var date = date(message);
        var reportTypes = parts.reportTypes();
        if (reportTypes.contains("feedback-report") || parts.first("message/feedback-report").isPresent()) {
            throw new NotABounceException(MessageKind.FEEDBACK_REPORT, "");
        }
        if (reportTypes.contains("disposition-notification") || parts.first("message/disposition-notification").isPresent()) {
            throw new NotABounceException(MessageKind.READ_RECEIPT, "");
        }
        if (forwards < MAX_FORWARDS) {
            var forwarded = readForwarded(headers, parts, forwards);
            if (forwarded != null) {
                return forwarded.date() != null ? forwarded : new BounceMessage(forwarded.layout(),
                        forwarded.recipients(), forwarded.originalMessageId(), forwarded.messageId(), date);
            }
        }
        var fromMailerDaemon = fromMailerDaemon(headers);
        var bounce = BounceText.of(headers, parts, notificationText(parts), fromMailerDaemon);
        var status = parts.first("message/delivery-status", "message/global-delivery-status")
                .map(MessageParts.Section::text).or(() -> relabelledReport(parts)).or(() -> inlineReport(bounce));
        List<String> skipped = List.of();
        if (status.isPresent()) {
            var report = DeliveryStatusReport.parse(status.get());
            var failed = DsnCompletion.complete(report.failed(), bounce);
            if (!failed.isEmpty()) {
                var layout = BounceLayouts.recognise(bounce);
                return message(layout.map(l -> l.name() + " (RFC 3464)").orElse(BounceFormat.DELIVERY_STATUS),
                        layout.map(l -> l.interpreted(failed)).orElse(failed), parts, headers, bounce, date);
            }
            skipped = report.skipped();
        }
        if (!fromMailerDaemon) {
            // Mail a person's mailbox sends by itself is told by its headers before any layout could misread it.
            refuseAutomaticReply(headers, bounce);
        }
        if (!skipped.isEmpty() && failedNowhere(skipped)) {
            throw new NotABounceException(MessageKind.DELIVERY_SUCCESS, "Action: " + String.join(", ",
                    new LinkedHashSet<>(skipped)));
        }
        var reading = BounceLayouts.read(bounce);
        if (reading.isPresent()) {
            return message(reading.get().layout().name(), reading.get().recipients(), parts, headers, bounce, date);
        }
        // Inside a forward, a message only its subject calls a bounce (a quoted original titled "could not be
        // delivered") is no bounce to guess recipients from: an auto-reply quoting our own mail would otherwise
        // give up an address of its text.
        boolean mayGuess = forwards == 0 || status.isPresent() || sentByMailSystem(headers);
        if (mayGuess && (fromMailerDaemon || status.isPresent())) {
            var recipients = fromMailerDaemon ? BounceLayouts.MAILER_DAEMON.recipients(bounce) : List.<FailedRecipient>of();
            if (recipients.isEmpty()) {
                recipients = PlainTextBounce.lastResort(bounce);
            }
            if (!recipients.isEmpty()) {
                return message(BounceLayouts.MAILER_DAEMON.name(), recipients, parts, headers, bounce, date);
            }
        }
        if (status.isPresent()) {
            throw new NotABounceException(MessageKind.UNREADABLE_BOUNCE,
                    "its message/delivery-status part has no Final-Recipient field");
        }
        var recognised = BounceLayouts.recognise(bounce);
        if (recognised.isPresent() || fromMailerDaemon) {
            throw new NotABounceException(MessageKind.UNREADABLE_BOUNCE, "its text has the "
                    + recognised.orElse(BounceLayouts.MAILER_DAEMON).name() + " bounce layout");
        }
        // RFC 3834 Auto-Submitted: mailer daemons set it on bounces too, so it decides only once no layout read one.
        var declared = AutomaticReply.declared(headers);
        if (declared.isPresent()) {
            throw new NotABounceException(declared.get().kind(), declared.get().evidence());
        }
        throw new NotABounceException(MessageKind.ORDINARY_MAIL, subjectEvidence(headers));
    }

    /**
     * The bounce inside a message a person forwarded, attached or pasted under a forward banner; null when the
     * message is a bounce of its own or holds none (then the message itself is read).
     */
    private @Nullable BounceMessage readForwarded(Headers headers, MessageParts parts, int forwards) {
        for (var candidate : ForwardedBounce.candidates(headers, parts, notificationText(parts), sentByMailSystem(headers))) {
            try {
                return parse(candidate, forwards + 1);
            } catch (NotABounceException | UnreadableMessageException e) {
                // Not a bounce inside (a forwarded ordinary mail, the original a bounce returns): read the next.
            }
        }
        return null;
    }

    /**
     * The delivery-status fields of a report that was flattened into its text (a gateway that dropped the MIME
     * structure, a multipart whose boundary is lost): from the first per-message or per-recipient field on,
     * when the text has a {@code Final-Recipient} field of its own.
     */
    private static java.util.Optional<String> inlineReport(BounceText bounce) {
        var text = bounce.reportText();
        var start = INLINE_REPORT_FIELD.matcher(text);
        if (!start.find() || !INLINE_FINAL_RECIPIENT.matcher(text).find()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(text.substring(start.start()));
    }

    /**
     * The delivery-status part of a report whose part a gateway relabelled {@code text/plain} (or sent as
     * {@code application/octet-stream}): a part other than the first whose text starts with the report's fields.
     */
    private static java.util.Optional<String> relabelledReport(MessageParts parts) {
        var sections = parts.sections();
        for (int i = 1; i < sections.size(); i++) {
            var section = sections.get(i);
            if (!section.type().is("text/plain") && !section.type().is("application/octet-stream")) {
                continue;
            }
            var text = section.text().stripLeading();
            var start = INLINE_REPORT_FIELD.matcher(text);
            if (start.lookingAt() && REPORTED_RECIPIENT.matcher(text).find()) {
                return java.util.Optional.of(text);
            }
        }
        return java.util.Optional.empty();
    }

    private static void refuseAutomaticReply(Headers headers, BounceText bounce) {
        var auto = AutomaticReply.recognise(headers);
        if (auto.isPresent()) {
            throw new NotABounceException(auto.get().kind(), auto.get().evidence());
        }
        var challenge = AutomaticReply.challenge(headers, bounce.reportText());
        if (challenge.isPresent()) {
            throw new NotABounceException(challenge.get().kind(), challenge.get().evidence());
        }
    }

    /** Only actions that say the message arrived (delivered, relayed, expanded), none that could be a failure. */
    private static boolean failedNowhere(List<String> skipped) {
        return skipped.stream().allMatch(action -> DeliveryAction.parse(action).isPresent());
    }

    private static BounceMessage message(String layout, List<FailedRecipient> recipients, MessageParts parts,
                                         Headers headers, BounceText bounce, @Nullable Instant date) {
        var originalMessageId = returnedMessageId(parts);
        if (originalMessageId == null) {
            originalMessageId = bounce.returnedMessageId();
        }
        return new BounceMessage(layout, recipients,
                originalMessageId != null ? originalMessageId : headers.repliedTo(), headers.messageId(), date);
    }

    /** The Message-ID of the returned original: its full copy or just its headers (RFC 3462). */
    private static @Nullable String returnedMessageId(MessageParts parts) {
        return parts.first("message/rfc822", "text/rfc822-headers", "message/global", "message/global-headers",
                        "message/rfc822-headers")
                .map(section -> Headers.messageId(headerValue(section.headers().getHeader("Message-ID", null))))
                .orElse(null);
    }

    private static @Nullable String headerValue(@Nullable String value) {
        return value == null ? null : value.replaceAll("\\r?\\n[ \\t]+", " ");
    }

    /**
     * The text written for people: the first text/plain part, else the first HTML part as text. An HTML notice
     * that names an address wins over a plain part that names none (a gateway's "scanned by" note added after a
     * notice sent as HTML only).
     */
    private static String notificationText(MessageParts parts) {
        var plain = parts.first("text/plain").map(MessageParts.Section::text);
        if (plain.isPresent() && plain.get().indexOf('@') < 0) {
            var html = parts.first("text/html").map(MessageParts.Section::text).filter(text -> text.indexOf('@') >= 0);
            if (html.isPresent()) {
                return html.get();
            }
        }
        return plain.or(() -> parts.first("text/html").map(MessageParts.Section::text)).orElse("");
    }

    private static boolean fromMailerDaemon(Headers headers) {
        return sentByMailSystem(headers) || BOUNCE_SUBJECT.matcher(headers.subject()).find();
    }

    /** Sent by a mail system by its own headers, not its subject (a person forwarding a bounce keeps that). */
    private static boolean sentByMailSystem(Headers headers) {
        // Only a mail system writes X-Failed-Recipients (Exim and many that copied it), and only on a bounce.
        if (!headers.addresses("X-Failed-Recipients").isEmpty()) {
            return true;
        }
        for (var address : headers.addresses("From", "Sender")) {
            var local = address.substring(0, Math.max(address.lastIndexOf('@'), 0)).toLowerCase(Locale.ROOT);
            if (DAEMON_LOCAL_PARTS.contains(local)) {
                return true;
            }
        }
        var from = headers.value("From");
        return from != null && from.toLowerCase(Locale.ROOT).contains("mail delivery");
    }

    private static @Nullable Instant date(MimeMessage message) {
        try {
            var sent = message.getSentDate();
            return sent == null ? null : sent.toInstant();
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String subjectEvidence(Headers headers) {
        var subject = headers.subject();
        return subject.isEmpty() ? "" : "Subject \"" + (subject.length() <= 80 ? subject : subject.substring(0, 77) + "...") + "\"";
    }

    /**
     * Refuses what cannot be an Internet message before MIME parsing: an empty body, or one whose first line
     * is not a header field (binary data, a bare text, a JSON document).
     */
    /**
     * A message stored with classic Mac line ends (CR alone, as some old mail stores and archives keep them) with
     * each CR made CRLF, so the MIME parser sees its lines. Decided by the first line end: a message whose lines
     * end in LF or CRLF is left exactly as it is, stray CRs in it included.
     */
    static byte[] withLineFeeds(byte[] raw) {
        int firstCr = -1;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return raw;
            }
            if (raw[i] == '\r') {
                firstCr = i;
                break;
            }
        }
        if (firstCr < 0 || (firstCr + 1 < raw.length && raw[firstCr + 1] == '\n')) {
            return raw;
        }
        var out = new java.io.ByteArrayOutputStream(raw.length + raw.length / 40);
        for (int i = 0; i < raw.length; i++) {
            out.write(raw[i]);
            if (raw[i] == '\r' && (i + 1 == raw.length || raw[i + 1] != '\n')) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }

    /**
     * The message without what a copy and paste or a Windows export put before its first header: a UTF-8 byte
     * order mark and blank (or white-space-only) lines. A mail client shows such a message as it shows any other.
     */
    static byte[] withoutLeadingPadding(byte[] raw) {
        int start = raw.length >= 3 && (raw[0] & 0xFF) == 0xEF && (raw[1] & 0xFF) == 0xBB && (raw[2] & 0xFF) == 0xBF
                ? 3 : 0;
        int lineStart = start;
        for (int i = start; i < raw.length && i < HEADER_SCAN_LIMIT; i++) {
            byte b = raw[i];
            if (b == '\n') {
                lineStart = i + 1;
            } else if (b != '\r' && b != ' ' && b != '\t') {
                break;
            }
        }
        return lineStart == 0 ? raw : java.util.Arrays.copyOfRange(raw, lineStart, raw.length);
    }

    /**
     * A message whose header section runs straight into its text, with no blank line between (some gateways and
     * hand-made exports drop it), with the blank line put back before the first line that is neither a header
     * field nor its continuation. Otherwise the MIME parser would take the bounce's first lines ("&lt;jane@x&gt;:",
     * "Remote host said: ...") for headers and leave the body empty. A line naming an address in angle brackets
     * or with an @ before its colon is text, although RFC 5322 would let it pass for a field name.
     */
    static byte[] withHeaderSectionEnded(byte[] raw) {
        int start = 0;
        boolean first = true;
        while (start < raw.length && start < HEADER_SCAN_LIMIT) {
            int end = start;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            int contentEnd = end > start && raw[end - 1] == '\r' ? end - 1 : end;
            if (contentEnd == start) {
                return raw;
            }
            var line = new String(raw, start, contentEnd - start, java.nio.charset.StandardCharsets.ISO_8859_1);
            boolean mboxSeparator = first && line.startsWith("From ");
            boolean continuation = !first && (raw[start] == ' ' || raw[start] == '\t');
            if (!mboxSeparator && !continuation && !isHeaderField(line)) {
                if (first || moreHeadersFollow(raw, end + 1)) {
                    // Not a message, or one stray line among its headers (which the MIME parser skips).
                    return raw;
                }
                var lineEnd = contentEnd < end ? new byte[] {'\r', '\n'} : new byte[] {'\n'};
                var out = new byte[raw.length + lineEnd.length];
                System.arraycopy(raw, 0, out, 0, start);
                System.arraycopy(lineEnd, 0, out, start, lineEnd.length);
                System.arraycopy(raw, start, out, start + lineEnd.length, raw.length - start);
                return out;
            }
            first = false;
            start = end + 1;
        }
        return raw;
    }

    private static boolean isHeaderField(String line) {
        if (!FIELD_NAME.matcher(line).lookingAt() || line.startsWith("<")) {
            return false;
        }
        return line.substring(0, line.indexOf(':')).indexOf('@') < 0;
    }

    /** Whether a field of the message's own (Content-Type, Subject, ...) comes before the next blank line. */
    private static boolean moreHeadersFollow(byte[] raw, int from) {
        int start = from;
        while (start < raw.length && start < HEADER_SCAN_LIMIT) {
            int end = start;
            while (end < raw.length && raw[end] != '\n') {
                end++;
            }
            var line = new String(raw, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
            if (line.isEmpty()) {
                return false;
            }
            var m = FIELD_NAME.matcher(line);
            if (m.lookingAt() && MESSAGE_HEADERS.stream().anyMatch(name -> name.equalsIgnoreCase(m.group(1)))) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static void requireInternetMessage(byte[] raw) {
        int start = 0;
        while (start < raw.length && (raw[start] == '\r' || raw[start] == '\n' || raw[start] == ' ' || raw[start] == '\t')) {
            start++;
        }
        if (start == raw.length) {
            throw new UnreadableMessageException("The request body is empty. Post the whole bounce message, headers "
                    + "and body, exactly as it was received (Content-Type: message/rfc822).");
        }
        int end = start;
        while (end < raw.length && end - start < HEADER_SCAN_LIMIT && raw[end] != '\n') {
            if (raw[end] == 0) {
                throw new UnreadableMessageException(notAMessage() + " It contains binary data.");
            }
            end++;
        }
        var firstLine = new String(raw, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
        // An mbox "From " separator line may precede the headers when the message was saved from a mailbox.
        if (!HEADER_FIELD.matcher(firstLine).matches() && !firstLine.startsWith("From ")) {
            throw new UnreadableMessageException(notAMessage());
        }
        if (start != 0) {
            throw new UnreadableMessageException("The message starts with a blank line, so it has no header section. "
                    + "Post the whole bounce message exactly as it was received.");
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, BounceMessageParser.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String notAMessage() {
        return "The request body is not an Internet message (RFC 5322): it must start with header fields such as "
                + "From:, Date: and Subject:. Post the whole bounce message exactly as it was received.";
    }
}
