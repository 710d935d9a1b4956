package dev.suppression.dsn;

import dev.suppression.address.EmailAddress;
import dev.suppression.address.InvalidAddressException;
import dev.suppression.bounce.BounceReport;
import dev.suppression.bounce.Origin;
import dev.suppression.bounce.StorableTime;
import dev.suppression.bounce.Submission;
import dev.suppression.classification.SmtpStage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Turns a bounce message into one submission per failed recipient, for the ingestion path every reporter
 * uses. The event id makes a bounce message idempotent however often it is posted (or fetched again from a
 * mailbox): {@code dsn:} + the original Message-ID + recipient + status, or, when the bounce does not return
 * the original, its own Message-ID + recipient.
 */
final class DsnSubmissions {

    static final String SOURCE = "dsn";
    /** The most of the raw message kept with one event (the bounce_event.raw cap). */
    static final int MAX_EVIDENCE = 65_536;
    /**
     * Every recipient keeps the start of the message as its evidence; a message naming thousands of recipients
     * keeps less each (never under {@link #MIN_EVIDENCE}, which holds the headers and the notification), so one
     * bounce cannot store gigabytes.
     */
    static final int EVIDENCE_BUDGET = 2 * 1024 * 1024;
    static final int MIN_EVIDENCE = 4_096;
    private static final int MAX_EVENT_ID = 255;
    private static final int MAX_MESSAGE_ID = 998;

    private DsnSubmissions() {
    }

    /**
     * @param raw           the whole message as received, kept (capped) as the evidence of each recipient
     * @param now           when it was received: the time of a bounce that does not say when it happened
     * @param maxFutureSkew how far ahead of {@code now} a bounce's own time may lie before it is distrusted
     */
    static List<Submission> of(BounceMessage message, String raw, Instant now, Duration maxFutureSkew) {
        int cap = Math.clamp(EVIDENCE_BUDGET / Math.max(1, message.recipients().size()), MIN_EVIDENCE, MAX_EVIDENCE);
        var evidence = evidence(raw, cap);
        return message.recipients().stream().map(recipient -> submission(message, recipient, evidence, now, maxFutureSkew))
                .toList();
    }

    private static Submission submission(BounceMessage message, FailedRecipient failed, String evidence, Instant now,
                                         Duration maxFutureSkew) {
        EmailAddress address;
        try {
            address = EmailAddress.parse(failed.recipient());
        } catch (InvalidAddressException e) {
            var key = eventId(message, failed.recipient().toLowerCase(Locale.ROOT), failed);
            return new Submission.Invalid(evidence(failed.evidence().isBlank() ? failed.recipient() : failed.evidence(), MIN_EVIDENCE),
                    "the bounce names a failed recipient that is not a valid address: " + e.getMessage(), key, SOURCE);
        }
        var eventId = eventId(message, address.value(), failed);
        if (failed.status() == null && failed.smtpCode() == null && failed.diagnostic() == null) {
            return new Submission.Invalid(evidence(failed.evidence(), MIN_EVIDENCE), "the bounce names " + address.value()
                    + " but gives no status or response to classify it by", eventId, SOURCE);
        }
        var messageId = message.originalMessageId();
        var report = new BounceReport(address, failed.smtpCode(), failed.status(), failed.diagnostic(),
                occurredAt(failed, message, now, maxFutureSkew), eventId,
                messageId == null || messageId.length() > MAX_MESSAGE_ID ? null : messageId,
                stage(failed), failed.remoteMta(), failed.reportingMta(), SOURCE, Origin.RECIPIENT);
        return new Submission.Valid(report, evidence);
    }

    /**
     * The stage the response names, else the one the recipient's lines around it name: qmail, for one, says
     * "Connected to 192.0.2.1 but sender was rejected." on the line before the response.
     */
    private static SmtpStage stage(FailedRecipient failed) {
        var stage = SmtpStage.readFrom(failed.diagnostic());
        return stage != SmtpStage.UNKNOWN ? stage : SmtpStage.readFrom(failed.evidence());
    }

    /** {@code dsn:<original-id>:<recipient>:<status>}, or a digest of it when longer than the column takes. */
    static String eventId(BounceMessage message, String recipient, FailedRecipient failed) {
        String key;
        if (message.originalMessageId() != null) {
            var status = failed.status() != null ? failed.status()
                    : failed.smtpCode() != null ? failed.smtpCode().toString() : failed.action().name().toLowerCase(Locale.ROOT);
            key = "dsn:" + message.originalMessageId() + ":" + recipient + ":" + status;
        } else if (message.messageId() != null) {
            key = "dsn:" + message.messageId() + ":" + recipient;
        } else {
            // Neither message says who it is: the message itself is its identity.
            key = "dsn:sha256-" + sha256(failed.evidence() + "\n" + message.date()) + ":" + recipient;
        }
        return key.length() <= MAX_EVENT_ID ? key : "dsn:sha256-" + sha256(key);
    }

    /** The bounce's own time, unless it lies in the future or before year 0001 (a sender's clock is not ours to trust): then now. */
    private static Instant occurredAt(FailedRecipient failed, BounceMessage message, Instant now, Duration maxFutureSkew) {
        Instant at = failed.lastAttempt() != null ? failed.lastAttempt() : message.date();
        return at == null || at.isAfter(now.plus(maxFutureSkew)) || !StorableTime.contains(at) ? now : at;
    }

    /** The message as text, capped, without the NUL characters PostgreSQL text cannot hold. */
    static String evidence(String raw, int cap) {
        var text = raw.length() <= cap ? raw : raw.substring(0, cap) + "…[truncated]";
        return text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }

    private static String sha256(@Nullable String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(String.valueOf(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
