package dev.suppression.dsn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * IBM (Lotus) Domino: "DELIVERY FAILURE: ..." as the subject, then "Your message ... was not delivered to:",
 * the indented address, "because:" and the reason on the next line ("User jane (jane@x) not listed in Domino
 * Directory").
 */
final class DominoLayout implements BounceLayout {

    @Override
    public String name() {
        return "IBM Domino";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // Courier writes "DELIVERY FAILURE:" subjects too; only Domino writes "was not delivered to:" ... "because:".
        return bounce.says("was not delivered to:") && bounce.says("because:");
    }

    @Override
    public List<FailedRecipient> recipients(BounceText bounce) {
        var report = bounce.report();
        var addresses = new ArrayList<String>();
        String reason = null;
        boolean recipientsFollow = false;
        for (int i = 0; i < report.size(); i++) {
            var line = report.get(i).strip();
            var lower = line.toLowerCase(Locale.ROOT);
            if (lower.equals("was not delivered to:")) {
                recipientsFollow = true;
            } else if (lower.equals("because:")) {
                recipientsFollow = false;
                reason = PlainTextBounce.firstParagraph(report.subList(i + 1, report.size()));
            } else if (recipientsFollow && PlainTextBounce.ANY_ADDRESS.matcher(line).matches()
                    && PlainTextBounce.isRecipient(line, bounce.ownParties())) {
                addresses.add(PlainTextBounce.key(line));
            }
        }
        var recipients = new ArrayList<FailedRecipient>();
        for (var address : addresses) {
            recipients.add(PlainTextBounce.failed(bounce, address, reason, bounce.reportText(), addresses.size() == 1));
        }
        return recipients;
    }
}
