package dev.suppression.dsn;

import dev.suppression.classification.BounceClassifier;
import java.util.List;
import java.util.Locale;

/**
 * Amazon SES <em>receiving</em>: the recipient domain receives through SES, and one of its receipt rules bounced
 * the message with a template of the SES console. Told by SES's {@code X-SES-Outgoing} header and the sentence
 * "This message could not be delivered." The template's "Mailbox does not exist" is the domain owner's rule, not
 * a finding that nobody holds the address (Sisimai reads it as {@code filtered}), so it does not suppress.
 */
final class ReceivingSesLayout implements BounceLayout {

    /** The console's template wording, as the rule's owner picked it. */
    private static final String MAILBOX_DOES_NOT_EXIST = "mailbox does not exist";
    static final String RECEIPT_RULE_NOTE = " (" + BounceClassifier.RECEIPT_RULE_NOTE + ")";

    @Override
    public String name() {
        return "Amazon SES (receiving)";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.has("X-SES-Outgoing") && bounce.says("this message could not be delivered.");
    }

    @Override
    public List<FailedRecipient> interpreted(List<FailedRecipient> recipients) {
        return recipients.stream().map(ReceivingSesLayout::interpreted).toList();
    }

    private static FailedRecipient interpreted(FailedRecipient r) {
        var diagnostic = r.diagnostic();
        if (diagnostic == null || !diagnostic.toLowerCase(Locale.ROOT).contains(MAILBOX_DOES_NOT_EXIST)
                || diagnostic.endsWith(RECEIPT_RULE_NOTE)) {
            return r;
        }
        return new FailedRecipient(r.recipient(), r.finalRecipient(), r.action(), r.status(), r.smtpCode(),
                diagnostic + RECEIPT_RULE_NOTE, r.stage(), r.remoteMta(), r.reportingMta(), r.lastAttempt(),
                r.evidence());
    }
}
