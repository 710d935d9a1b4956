package dev.suppression.diagnosis;

import java.util.List;
import java.util.Optional;

/** The mailbox provider itself says the mailboxes do not exist: its word is final, so the addresses are wrong or gone. */
final class MailboxesMissingAtTheProvider implements FindingRule {

    static final String RULE = "MAILBOXES_MISSING_AT_PROVIDER";

    @Override
    public Optional<Finding> apply(DiagnosisFacts facts) {
        var missing = facts.bounces().stream()
                .filter(b -> b.rejectorRole() == RejectorRole.MAILBOX_PROVIDER && b.saysTheMailboxIsMissing())
                .toList();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        var provider = Evidence.vendors(missing);
        return Optional.of(new Finding(RULE, "Missing mailboxes at the mailbox provider",
                "The mailbox provider (" + provider + ") answered that " + missing.size()
                        + " mailbox(es) do not exist. The provider holds the mailboxes, so its answer is final: the"
                        + " addresses were removed, renamed, or never existed there.",
                missing.stream().map(Evidence::line).toList(),
                List.of(new Question(QuestionTopic.EXACT_ADDRESS, "Do these mailboxes exist in " + provider
                                + " exactly as written: " + Evidence.addresses(missing)
                                + "? If they were renamed or removed, which addresses replace them?"),
                        new Question(QuestionTopic.ACCEPTED_DOMAIN, "Is " + facts.domain() + " set up as a domain of"
                                + " your " + provider + " account, with these users, aliases or groups in it?"))));
    }
}
