package dev.suppression.diagnosis;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The MX changed shortly before the bounces began (or while they came): a migration whose new route does not
 * know every mailbox the old one did is one of the commonest causes of a sudden cluster. A change is known only
 * to have happened between the last lookup that saw the old route and the first that saw the new one.
 */
final class MxChangedBeforeTheBounces implements FindingRule {

    static final String RULE = "MX_CHANGED_BEFORE_BOUNCES";

    @Override
    public Optional<Finding> apply(DiagnosisFacts facts) {
        var first = facts.firstBounce();
        var last = facts.lastBounce();
        if (first.isEmpty() || last.isEmpty()) {
            return Optional.empty();
        }
        var from = first.get().minus(facts.mxChangeLookback());
        var changes = facts.mxHistory().stream()
                .filter(MxChange::isChange)
                .filter(c -> !c.seenAt().isBefore(from) && !changedAfter(c, last.get()))
                .toList();
        if (changes.isEmpty()) {
            return Optional.empty();
        }
        var latest = changes.getLast();
        var previous = latest.previous();
        return Optional.of(new Finding(RULE, "The MX changed shortly before the bounces",
                "The mail route of " + facts.domain() + " changed from " + (previous == null ? "?" : previous.describe())
                        + " to " + latest.route().describe() + ", seen " + when(latest, first.get())
                        + ". A new route that does not know every mailbox the old one delivered to refuses them as unknown.",
                changes.stream().map(c -> "between " + (c.previousCheckedAt() == null ? "?" : c.previousCheckedAt())
                        + " and " + c.seenAt() + ": " + (c.previous() == null ? "?" : c.previous().describe()) + " -> "
                        + c.route().describe()).toList(),
                List.of(new Question(QuestionTopic.ROUTE_TARGET, "The MX of " + facts.domain() + " changed to "
                                + latest.route().describe() + " around " + latest.seenAt() + ". Is the new route complete:"
                                + " does it know every mailbox the old one delivered to?"),
                        new Question(QuestionTopic.CACHE_CLEAR, "If the new route was fixed since, please clear its"
                                + " recipient and address caches so the old answers stop."))));
    }

    /** A change first seen after the last bounce, whose old route was still seen after it too, came later. */
    private static boolean changedAfter(MxChange change, Instant lastBounce) {
        var stillOld = change.previousCheckedAt();
        return stillOld != null && stillOld.isAfter(lastBounce);
    }

    private static String when(MxChange change, Instant firstBounce) {
        var gap = Duration.between(change.seenAt(), firstBounce);
        if (gap.isNegative()) {
            return "at " + change.seenAt() + ", after the first bounce at " + firstBounce;
        }
        var days = gap.toDays();
        var span = days >= 1 ? days + " day(s)" : gap.toHours() >= 1 ? gap.toHours() + " hour(s)" : gap.toMinutes() + " minute(s)";
        return "at " + change.seenAt() + ", " + span + " before the first bounce at " + firstBounce;
    }
}
