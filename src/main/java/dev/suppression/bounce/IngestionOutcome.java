package dev.suppression.bounce;

import dev.suppression.classification.BounceReason;
import dev.suppression.classification.Classification;
import dev.suppression.classification.SmtpStage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What happened to each event of a batch, in input order. */
public record IngestionOutcome(int accepted, int duplicates, int rejected, int counted, List<EventResult> results) {

    /** {@code COUNTED}: a non-bounce activity, acknowledged and counted only. */
    public enum Status { ACCEPTED, DUPLICATE, REJECTED, COUNTED }

    /**
     * The fate of one event; {@code classification} and its finer {@code reason}, the SMTP {@code stage} and the
     * hosts for bounces, {@code detail} for refused ones and for bounces whose stage overruled their codes.
     */
    public record EventResult(int index, Status status, @Nullable String recipient, @Nullable String eventId,
                              @Nullable Classification classification, @Nullable BounceReason reason,
                              @Nullable String detail, @Nullable SmtpStage stage, @Nullable String remoteMta,
                              @Nullable String reportingMta) {

        /** The result of an event that is not a bounce, or was refused: no stage and no hosts. */
        public EventResult(int index, Status status, @Nullable String recipient, @Nullable String eventId,
                           @Nullable Classification classification, @Nullable BounceReason reason,
                           @Nullable String detail) {
            this(index, status, recipient, eventId, classification, reason, detail, null, null, null);
        }
    }
}
