package dev.suppression.bounce;

import dev.suppression.address.EmailAddress;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A recipient marked a message as spam (an ESP's complaint event or an ARF feedback report). */
public record ComplaintReport(EmailAddress recipient, Instant occurredAt, @Nullable String eventId,
                              @Nullable String messageId, @Nullable String source, @Nullable String feedbackType) {
}
