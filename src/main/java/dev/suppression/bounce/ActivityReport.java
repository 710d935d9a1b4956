package dev.suppression.bounce;

import dev.suppression.bouncerate.SendLabels;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A webhook event that is not a bounce (delivered, processed, open, click, deferred, ...), counted per
 * provider, sending domain, day and type; {@code delivered}/{@code processed} are the denominators of
 * bounce rates. A delivery also counts toward its stream's, list source's and recipient domain's rates.
 */
public record ActivityReport(String source, String type, @Nullable String sendingDomain, Instant occurredAt,
                             @Nullable String recipientDomain, SendLabels labels) {

    private static final Set<String> DELIVERED = Set.of("delivered", "delivery", "email.delivered");

    public ActivityReport(String source, String type, @Nullable String sendingDomain, Instant occurredAt) {
        this(source, type, sendingDomain, occurredAt, null, SendLabels.NONE);
    }

    public ActivityReport withLabels(SendLabels labels) {
        return new ActivityReport(source, type, sendingDomain, occurredAt, recipientDomain, labels);
    }

    public ActivityReport withRecipientDomain(@Nullable String recipientDomain) {
        return new ActivityReport(source, type, sendingDomain, occurredAt, recipientDomain, labels);
    }

    /** Whether the event says the receiving server accepted the message. */
    public boolean isDelivery() {
        return DELIVERED.contains(type.toLowerCase(Locale.ROOT));
    }
}
