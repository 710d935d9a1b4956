package dev.suppression.dsn;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A bounce message as read: the name of its layout ({@link BounceLayout#name()}, or RFC 3464's), the failed or delayed recipients it reports (never empty), the
 * {@code Message-ID} of the message that bounced when the bounce returns it, and the bounce's own identity.
 */
record BounceMessage(String layout, List<FailedRecipient> recipients, @Nullable String originalMessageId,
                            @Nullable String messageId, @Nullable Instant date) {

    BounceMessage {
        recipients = List.copyOf(recipients);
    }
}
