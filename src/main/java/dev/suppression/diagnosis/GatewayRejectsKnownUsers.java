package dev.suppression.diagnosis;

import java.util.List;
import java.util.Optional;

/**
 * An inbound gateway refused recipients as unknown before the mailbox provider saw them. Gateways check
 * recipients against their own copy of the directory; when that copy goes stale (a broken directory sync, a
 * recipient map not updated after a migration) they refuse users who exist.
 */
final class GatewayRejectsKnownUsers implements FindingRule {

    static final String RULE = "GATEWAY_REJECTS_RECIPIENTS";

    @Override
    public Optional<Finding> apply(DiagnosisFacts facts) {
        var refused = facts.bounces().stream()
                .filter(b -> b.rejectorRole() == RejectorRole.INBOUND_GATEWAY && b.saysTheMailboxIsMissing())
                .toList();
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        var gateway = Evidence.vendors(refused);
        var hosts = Evidence.hosts(refused);
        return Optional.of(new Finding(RULE, "An inbound gateway (" + gateway + ") rejects recipients before the mailbox provider",
                gateway + " (" + hosts + "), an inbound filtering gateway, refused " + refused.size()
                        + " recipient(s) as unknown; the mailbox provider behind it never saw them. A gateway checks"
                        + " recipients against its own table: a stale recipient map or a broken directory sync makes it"
                        + " refuse users who exist.",
                refused.stream().map(Evidence::line).toList(),
                List.of(new Question(QuestionTopic.GATEWAY_SYNC, "When did " + gateway + " last sync its recipient list"
                                + " with your directory, and are these addresses in it: " + Evidence.addresses(refused) + "?"),
                        new Question(QuestionTopic.ROUTE_TARGET, "Where does " + gateway + " deliver mail for "
                                + facts.domain() + " (its route or connector target), and does that server know these"
                                + " addresses?"),
                        new Question(QuestionTopic.CACHE_CLEAR, "After the fix, please clear " + gateway
                                + "'s recipient-verification cache, so it stops repeating the old answer."))));
    }
}
