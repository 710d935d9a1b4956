package dev.suppression.bounce;

import dev.suppression.classification.BounceReason;
import dev.suppression.classification.Classification;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What happened to each event of a batch, in input order. */
public record IngestionOutcome(int accepted, int duplicates, int rejected, int counted, List<EventResult> results) {

    /** {@code COUNTED}: a non-bounce activity, acknowledged and counted only. */
    public enum Status { ACCEPTED, DUPLICATE, REJECTED, COUNTED }

    /**
     * The fate of one event; {@code classification} and its finer {@code reason} for stored bounces,
     * {@code detail} for refused ones.
     */
    public record EventResult(int index, Status status, @Nullable String recipient, @Nullable String eventId,
                              @Nullable Classification classification, @Nullable BounceReason reason,
                              @Nullable String detail) { }
}
