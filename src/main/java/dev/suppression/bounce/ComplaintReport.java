package dev.suppression.bounce;

import dev.suppression.address.EmailAddress;
import dev.suppression.bouncerate.SendLabels;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A recipient marked a message as spam (an ESP's complaint event or an ARF feedback report). */
public record ComplaintReport(EmailAddress recipient, Instant occurredAt, @Nullable String eventId,
                              @Nullable String messageId, @Nullable String source, @Nullable String feedbackType,
                              SendLabels labels) {

    public ComplaintReport(EmailAddress recipient, Instant occurredAt, @Nullable String eventId,
                           @Nullable String messageId, @Nullable String source, @Nullable String feedbackType) {
        this(recipient, occurredAt, eventId, messageId, source, feedbackType, SendLabels.NONE);
    }

    public ComplaintReport withLabels(SendLabels labels) {
        return new ComplaintReport(recipient, occurredAt, eventId, messageId, source, feedbackType, labels);
    }
}
