package dev.suppression.bounce;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A webhook event that is not a bounce (delivered, processed, open, click, deferred, ...), counted per
 * provider, sending domain, day and type; {@code delivered}/{@code processed} are the denominators of
 * bounce rates.
 */
public record ActivityReport(String source, String type, @Nullable String sendingDomain, Instant occurredAt) {
}
