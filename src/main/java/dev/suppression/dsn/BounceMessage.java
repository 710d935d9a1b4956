package dev.suppression.dsn;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A bounce message as read: its layout, the failed or delayed recipients it reports (never empty), the
 * {@code Message-ID} of the message that bounced when the bounce returns it, and the bounce's own identity.
 */
record BounceMessage(BounceFormat format, List<FailedRecipient> recipients, @Nullable String originalMessageId,
                            @Nullable String messageId, @Nullable Instant date) {

    BounceMessage {
        recipients = List.copyOf(recipients);
    }
}
