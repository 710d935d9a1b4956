package dev.suppression.dsn;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * au by KDDI: "Your mail sent on: <date>", then {@code     Could not be delivered to: <jane@x>} and the
 * reason indented under it ("As their mailbox is full.").
 */
final class KddiLayout implements BounceLayout {

    private static final Pattern COULD_NOT_BE_DELIVERED =
            Pattern.compile("(?i)could not be delivered to:\\s*<?(" + PlainTextBounce.ADDRESS + ")>?");

    @Override
    public String name() {
        return "au by KDDI";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return (bounce.says("your mail sent on:") || bounce.says("your mail attempted to be delivered on:"))
                && bounce.says("could not be delivered to:");
    }

    @Override
    public List<FailedRecipient> recipients(BounceText bounce) {
        var report = bounce.report();
        var found = new ArrayList<int[]>();
        for (int i = 0; i < report.size(); i++) {
            if (COULD_NOT_BE_DELIVERED.matcher(report.get(i)).find()) {
                found.add(new int[] {i});
            }
        }
        var recipients = new ArrayList<FailedRecipient>();
        for (var at : found) {
            var m = COULD_NOT_BE_DELIVERED.matcher(report.get(at[0]));
            m.find();
            var reason = new StringBuilder();
            for (int j = at[0] + 1; j < report.size() && report.get(j).startsWith(" ")
                    && !COULD_NOT_BE_DELIVERED.matcher(report.get(j)).find(); j++) {
                reason.append(' ').append(report.get(j).strip());
            }
            var diagnostic = reason.toString().strip();
            if (PlainTextBounce.isRecipient(m.group(1), bounce.ownParties())) {
                recipients.add(PlainTextBounce.failed(bounce, PlainTextBounce.key(m.group(1)),
                        diagnostic.isEmpty() ? null : diagnostic, report.get(at[0]) + "\n" + diagnostic, found.size() == 1));
            }
        }
        return recipients;
    }
}
