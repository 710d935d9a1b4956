package dev.suppression.bounce;

/** One event of a batch as it arrived: either a valid report, or the raw text and why it was refused. */
public sealed interface Submission {

    record Valid(BounceReport report, String raw) implements Submission { }

    record Invalid(String raw, String reason) implements Submission { }
}
