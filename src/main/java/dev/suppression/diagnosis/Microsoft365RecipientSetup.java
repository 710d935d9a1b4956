package dev.suppression.diagnosis;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Exchange Online refuses recipients its tenant does not list with Directory-Based Edge Blocking: "550 5.4.1
 * Recipient address rejected: Access denied" at the edge, or "550 5.1.10 RecipientNotFound". Both point at the
 * tenant's setup (accepted domain type, directory sync), not necessarily at a missing person.
 */
final class Microsoft365RecipientSetup implements FindingRule {

    static final String RULE = "MICROSOFT_365_RECIPIENT_SETUP";

    @Override
    public Optional<Finding> apply(DiagnosisFacts facts) {
        var refused = facts.bounces().stream().filter(Microsoft365RecipientSetup::isDirectoryRefusal).toList();
        if (refused.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(RULE, "Microsoft 365 tenant or Directory-Based Edge Blocking setup",
                "Exchange Online refused " + refused.size() + " recipient(s) as not in its directory (5.4.1 \"Access"
                        + " denied\" / 5.1.10 \"RecipientNotFound\"). With Directory-Based Edge Blocking the tenant"
                        + " refuses every address it does not list: the accepted domain may be Authoritative while"
                        + " mailboxes live elsewhere (it should then be Internal Relay), or the directory sync has not"
                        + " created these recipients.",
                refused.stream().map(Evidence::line).toList(),
                List.of(new Question(QuestionTopic.ACCEPTED_DOMAIN, "Is " + facts.domain() + " an accepted domain in"
                                + " your Microsoft 365 tenant, and is it Authoritative or Internal Relay? If some mailboxes"
                                + " for it live on another server, it must be Internal Relay."),
                        new Question(QuestionTopic.EXACT_ADDRESS, "Do these addresses exist in Exchange Online as a"
                                + " mailbox, mail user, contact or proxy address: " + Evidence.addresses(refused) + "?"),
                        new Question(QuestionTopic.GATEWAY_SYNC, "If your directory syncs from on-premises (Entra"
                                + " Connect), has it synced these recipients?"))));
    }

    private static boolean isDirectoryRefusal(dev.suppression.diagnosis.BounceEvidence b) {
        var text = b.response() == null ? "" : b.response().toLowerCase(Locale.ROOT);
        var code = b.enhancedCode() == null ? "" : b.enhancedCode();
        var microsoft = b.rejectorVendor() != null && b.rejectorVendor().startsWith("Microsoft")
                || text.contains("outlook.com") || text.contains("recipientnotfound")
                || text.contains("smtp address lookup");
        var accessDenied = (code.equals("5.4.1") || text.contains("5.4.1")) && text.contains("access denied");
        var notFound = (code.equals("5.1.10") || text.contains("5.1.10"))
                && (text.contains("recipientnotfound") || text.contains("not found"));
        return microsoft && (accessDenied || notFound) || accessDenied && text.contains("recipient address rejected");
    }
}
