package dev.suppression.dsn;

import java.util.ArrayList;
import java.util.List;

/**
 * Google Groups' rejection of a post: "the group you tried to contact (name) may not exist, or you may not have
 * permission to post messages to the group", in English or French, the group in {@code X-Failed-Recipients}.
 * The notice carries no reply code: the group refused the post after accepting the message, which Sisimai reads
 * as "rejected", never as a mailbox that does not exist. So it is given the code of a policy refusal after DATA.
 */
final class GoogleGroupsLayout implements BounceLayout {

    @Override
    public String name() {
        return "Google Groups";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("the group you tried to contact") || bounce.says("le groupe que vous avez tente de contacter")
                || ((bounce.says("google groups") || bounce.says("google groupes")) && !bounce.listed().isEmpty());
    }

    @Override
    public List<FailedRecipient> recipients(BounceText bounce) {
        var explanation = PlainTextBounce.firstParagraphs(bounce.report(), 3);
        var diagnostic = "550 5.7.1 " + explanation;
        var recipients = new ArrayList<FailedRecipient>();
        for (var address : bounce.listed()) {
            recipients.add(PlainTextBounce.failed(bounce, address, diagnostic, bounce.reportText() + "\n(after end of data)",
                    bounce.listed().size() == 1));
        }
        return recipients;
    }
}
