package dev.suppression.bounce;

import dev.suppression.bouncerate.SendLabels;
import org.jspecify.annotations.Nullable;

/**
 * One event of a batch as it arrived: a valid bounce, a spam complaint, a non-bounce activity to count, or
 * the raw text of an event that was refused and why.
 */
public sealed interface Submission {

    /** The same submission, sent for the given stream and list source (an invalid one stays as it is). */
    default Submission labelled(SendLabels labels) {
        return switch (this) {
            case Valid(var report, var raw) -> new Valid(report.withLabels(labels), raw);
            case Complaint(var report, var raw) -> new Complaint(report.withLabels(labels), raw);
            case Activity(var report) -> new Activity(report.withLabels(labels));
            case Invalid invalid -> invalid;
        };
    }

    /** A bounce; {@code raw} is the event as the reporter sent it, kept as evidence. */
    record Valid(BounceReport report, String raw) implements Submission { }

    /** {@code eventId} is the event's id when it could be read, so the reporter can match the rejection. */
    record Invalid(String raw, String reason, @Nullable String eventId, @Nullable String source) implements Submission {

        public Invalid(String raw, String reason) {
            this(raw, reason, null, null);
        }
    }

    /** A spam complaint: recorded, and the address is suppressed with reason COMPLAINT. */
    record Complaint(ComplaintReport report, String raw) implements Submission { }

    /** A delivery, open, click, deferral...: acknowledged and counted, nothing else. */
    record Activity(ActivityReport report) implements Submission { }
}
