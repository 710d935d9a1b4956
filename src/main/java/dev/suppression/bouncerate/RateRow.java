package dev.suppression.bouncerate;

import org.jspecify.annotations.Nullable;

/**
 * One stream's, source's or domain's figures over a window. {@code sent} is the larger of the sends posted and
 * the deliveries plus hard bounces the providers reported, so a sender needs either, not both.
 *
 * @param key null for the events that named no stream (or source, or domain)
 */
public record RateRow(@Nullable String key, long sent, long delivered, long hardBounces, long complaints,
                      @Nullable Double hardBounceRate, @Nullable Double complaintRate, RateLevel level) {

    static RateRow of(@Nullable String key, long posted, long delivered, long hardBounces, long complaints,
                      RateThresholds thresholds) {
        long sent = Math.max(posted, delivered + hardBounces);
        return new RateRow(key, sent, delivered, hardBounces, complaints,
                sent == 0 ? null : (double) hardBounces / sent, sent == 0 ? null : (double) complaints / sent,
                thresholds.judge(sent, hardBounces, complaints));
    }
}
