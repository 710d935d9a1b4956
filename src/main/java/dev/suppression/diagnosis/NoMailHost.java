package dev.suppression.diagnosis;

import java.util.List;
import java.util.Optional;

/** The domain publishes a null MX, or has no mail host at all: nothing at the mailbox level can be wrong yet. */
final class NoMailHost implements FindingRule {

    static final String RULE = "NO_MAIL_HOST";

    @Override
    public Optional<Finding> apply(DiagnosisFacts facts) {
        var route = facts.route();
        if (route.isEmpty() || (route.get().kind() != RouteKind.NULL_MX && route.get().kind() != RouteKind.NO_MAIL_HOST)) {
            return Optional.empty();
        }
        var seen = route.get();
        var title = seen.kind() == RouteKind.NULL_MX ? "The domain publishes a null MX" : "The domain has no mail host";
        return Optional.of(new Finding(RULE, title,
                facts.domain() + ": " + seen.describe() + ". Every message to it bounces until a mail host is"
                        + " published; suppressing its addresses one by one would not help.",
                List.of("DNS for " + facts.domain() + ": " + seen.describe()),
                List.of(new Question(QuestionTopic.ROUTE_TARGET, "DNS shows " + seen.describe() + " for "
                        + facts.domain() + ". Which host should receive its mail? Until an MX record for it is"
                        + " published, every message to the domain bounces."))));
    }
}
