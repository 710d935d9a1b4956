package dev.suppression.suppression;

import dev.suppression.address.EmailAddress;
import dev.suppression.classification.Classification;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The evidence of one hard bounce that the suppression list acts on; {@code actor} names who reported it in the
 * address's history ("bounce via sendgrid").
 */
public record HardBounce(EmailAddress address, Classification classification, Instant occurredAt,
                         @Nullable String response, @Nullable String rejectingHost, long bounceId, String actor) {

    public HardBounce {
        if (!classification.isHardBounce()) {
            throw new IllegalArgumentException(classification + " is not a hard bounce");
        }
    }
}
