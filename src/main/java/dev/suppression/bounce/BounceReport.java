package dev.suppression.bounce;

import dev.suppression.address.EmailAddress;
import dev.suppression.bouncerate.SendLabels;
import dev.suppression.classification.RefusingHost;
import dev.suppression.classification.SmtpStage;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One bounce as a reporter (the generic endpoint, an ESP adapter or a bounce message) describes it, already
 * validated. At least one of {@code smtpCode}, {@code enhancedCode} and {@code diagnostic} is present.
 *
 * @param stage        the point of the SMTP dialogue the receiver refused at; a stage the reporter did not name
 *                     ({@link SmtpStage#UNKNOWN}) is read from the diagnostic text
 * @param remoteMta    the host that refused the message (a DSN's {@code Remote-MTA}); one the reporter does not
 *                     name is read from the diagnostic ("host mx.example[192.0.2.1] said"), when it names one
 * @param reportingMta the host that reported the failure (a DSN's {@code Reporting-MTA}), when known
 * @param labels       the stream and list source the message was sent for, when the reporter names them
 */
public record BounceReport(EmailAddress recipient, @Nullable Integer smtpCode, @Nullable String enhancedCode,
                           @Nullable String diagnostic, Instant occurredAt, @Nullable String eventId,
                           @Nullable String messageId, SmtpStage stage, @Nullable String remoteMta,
                           @Nullable String reportingMta, @Nullable String source, Origin origin,
                           SendLabels labels) {

    private static final int MAX_HOST = 255;

    /** A bounce whose reporter names no stream or list source. */
    public BounceReport(EmailAddress recipient, @Nullable Integer smtpCode, @Nullable String enhancedCode,
                        @Nullable String diagnostic, Instant occurredAt, @Nullable String eventId,
                        @Nullable String messageId, SmtpStage stage, @Nullable String remoteMta,
                        @Nullable String reportingMta, @Nullable String source, Origin origin) {
        this(recipient, smtpCode, enhancedCode, diagnostic, occurredAt, eventId, messageId, stage, remoteMta,
                reportingMta, source, origin, SendLabels.NONE);
    }

    public BounceReport {
        // PostgreSQL text cannot hold NUL; a provider sending one must not make its whole delivery fail.
        diagnostic = diagnostic == null ? null : TextForStorage.of(diagnostic);
        eventId = eventId == null ? null : TextForStorage.of(eventId);
        messageId = messageId == null ? null : TextForStorage.of(messageId);
        remoteMta = host(remoteMta);
        if (remoteMta == null) {
            remoteMta = RefusingHost.readFrom(diagnostic);
        }
        reportingMta = host(reportingMta);
        source = source == null ? null : TextForStorage.of(source);
        if (stage == SmtpStage.UNKNOWN) {
            stage = SmtpStage.readFrom(diagnostic);
        }
        if (smtpCode == null && enhancedCode == null && diagnostic == null) {
            throw new IllegalArgumentException("a bounce needs an SMTP code, an enhanced code or a diagnostic");
        }
    }

    /** A bounce whose reporter names neither the stage nor the refusing host: the stage is read from the text. */
    public BounceReport(EmailAddress recipient, @Nullable Integer smtpCode, @Nullable String enhancedCode,
                        @Nullable String diagnostic, Instant occurredAt, @Nullable String eventId,
                        @Nullable String messageId, @Nullable String reportingMta, @Nullable String source,
                        Origin origin) {
        this(recipient, smtpCode, enhancedCode, diagnostic, occurredAt, eventId, messageId, SmtpStage.UNKNOWN, null,
                reportingMta, source, origin);
    }

    /** The same bounce, sent for the given stream and list source. */
    public BounceReport withLabels(SendLabels labels) {
        return new BounceReport(recipient, smtpCode, enhancedCode, diagnostic, occurredAt, eventId, messageId, stage,
                remoteMta, reportingMta, source, origin, labels);
    }

    /** A host name as the column holds it; one longer than DNS allows is not a host name, and is cut. */
    private static @Nullable String host(@Nullable String host) {
        if (host == null || host.isBlank()) {
            return null;
        }
        var stripped = TextForStorage.of(host.strip());
        return stripped.length() <= MAX_HOST ? stripped : stripped.substring(0, MAX_HOST);
    }

    /** The host to name as the rejector: the one that refused, else the one that reported. */
    public @Nullable String rejectingHost() {
        return remoteMta != null ? remoteMta : reportingMta;
    }
}
