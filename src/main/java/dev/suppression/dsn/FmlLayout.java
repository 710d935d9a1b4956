package dev.suppression.dsn;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fml mailing list manager: {@code X-MLServer}, sent from the list's {@code -admin} address, each refusal one
 * sentence naming the address in angle brackets ("You are not a member of this mailing list <jane@x>.").
 */
final class FmlLayout implements BounceLayout {

    private static final Pattern BRACKETED = Pattern.compile("<(" + PlainTextBounce.ADDRESS + ")>");

    /** fml's refusals are of the sender (not a member, taken for a spammer), never of a mailbox. */
    private static final Map<String, String> STATUS_BY_SENTENCE = Map.of(
            "not a member", "5.7.1",
            "reject", "5.7.1");

    @Override
    public String name() {
        return "fml";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.has("X-MLServer") && bounce.fromContains("-admin@");
    }

    @Override
    public List<FailedRecipient> recipients(BounceText bounce) {
        var seen = new LinkedHashSet<String>();
        var recipients = new ArrayList<FailedRecipient>();
        for (var line : bounce.report()) {
            var m = BRACKETED.matcher(line);
            if (m.find() && PlainTextBounce.isRecipient(m.group(1), bounce.ownParties())
                    && seen.add(PlainTextBounce.key(m.group(1)))) {
                recipients.add(PlainTextBounce.withStatusOfSentence(PlainTextBounce.failed(bounce,
                        PlainTextBounce.key(m.group(1)), line.strip(), line, false), STATUS_BY_SENTENCE));
            }
        }
        return recipients;
    }
}
