package dev.suppression.dsn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lotus Notes: "Undeliverable message" as the subject and, under "------- Failure Reasons --------", the reason
 * on the line before the address it concerns.
 */
final class NotesLayout implements BounceLayout {

    /** Notes' fixed reasons, which carry no code. */
    private static final Map<String, String> STATUS_BY_SENTENCE = Map.of(
            "not listed in public name & address book", "5.1.1",
            "exceeded maximum hop count", "5.4.6",
            "ディレクトリのリストにありません", "5.1.1");

    @Override
    public String name() {
        return "Lotus Notes";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("------- failure reasons");
    }

    @Override
    public List<FailedRecipient> recipients(BounceText bounce) {
        var recipients = new ArrayList<FailedRecipient>();
        boolean reading = false;
        var reason = new StringBuilder();
        for (var raw : bounce.report()) {
            var line = raw.strip();
            if (line.toLowerCase(Locale.ROOT).startsWith("------- failure reasons")) {
                reading = true;
                continue;
            }
            if (!reading || line.isEmpty() || line.startsWith("-")) {
                continue;
            }
            if (PlainTextBounce.ANY_ADDRESS.matcher(line).matches()) {
                if (PlainTextBounce.isRecipient(line, bounce.ownParties())) {
                    var diagnostic = reason.toString().strip();
                    recipients.add(PlainTextBounce.withStatusOfSentence(PlainTextBounce.failed(bounce,
                            PlainTextBounce.key(line), diagnostic.isEmpty() ? null : diagnostic, diagnostic + "\n" + line,
                            false), STATUS_BY_SENTENCE));
                }
                reason.setLength(0);
            } else {
                reason.append(' ').append(line);
            }
        }
        if (recipients.isEmpty()) {
            // Notes may name only the reason; the returned message's single addressee is then the one that failed.
            var to = PlainTextBounce.onlyAddresseeOfReturned(bounce);
            var diagnostic = reason.toString().strip();
            if (to != null) {
                recipients.add(PlainTextBounce.withStatusOfSentence(PlainTextBounce.failed(bounce, to,
                        diagnostic.isEmpty() ? null : diagnostic, bounce.reportText(), true), STATUS_BY_SENTENCE));
            }
        }
        return recipients;
    }
}
