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
        if (smtpCode == null && enhancedCode == null && diagnostic == null) {
            throw new IllegalArgumentException("a bounce needs an SMTP code, an enhanced code or a diagnostic");
        }
    }
}
