package dev.suppression.bounce;

import dev.suppression.address.EmailAddress;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One bounce as a reporter (the generic endpoint or an ESP adapter) describes it, already validated.
 * At least one of {@code smtpCode}, {@code enhancedCode} and {@code diagnostic} is present.
 */
public record BounceReport(EmailAddress recipient, @Nullable Integer smtpCode, @Nullable String enhancedCode,
                           @Nullable String diagnostic, Instant occurredAt, @Nullable String eventId,
                           @Nullable String messageId, @Nullable String reportingMta, @Nullable String source,
                           Origin origin) {

    public BounceReport {
        // PostgreSQL text cannot hold NUL; a provider sending one must not make its whole delivery fail.
        diagnostic = diagnostic == null ? null : TextForStorage.of(diagnostic);
        eventId = eventId == null ? null : TextForStorage.of(eventId);
        messageId = messageId == null ? null : TextForStorage.of(messageId);
        reportingMta = reportingMta == null ? null : TextForStorage.of(reportingMta);
        source = source == null ? null : TextForStorage.of(source);
        if (smtpCode == null && enhancedCode == null && diagnostic == null) {
            throw new IllegalArgumentException("a bounce needs an SMTP code, an enhanced code or a diagnostic");
        }
    }
}
