package dev.suppression.dsn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Trustwave MailMarshal: {@code Undeliverable Mail: "subject"}, the response after "Could not be delivered
 * because of", the recipients indented under "The following recipients were affected:", and the hosts in an
 * "Additional Information" block ({@code Remote-MTA: <10.0.0.1>}).
 */
final class MailMarshalLayout implements BounceLayout {

    @Override
    public String name() {
        return "MailMarshal";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.subjectStartsWith("Undeliverable Mail: \"") || bounce.says("the following recipients were affected:")
                && bounce.says("could not be delivered because of");
    }

    @Override
    public List<FailedRecipient> recipients(BounceText bounce) {
        var report = bounce.report();
        String diagnostic = null;
        var addresses = new ArrayList<String>();
        boolean recipientsFollow = false;
        for (int i = 0; i < report.size(); i++) {
            var line = report.get(i).strip();
            var lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("could not be delivered because of")) {
                diagnostic = PlainTextBounce.firstParagraph(report.subList(i + 1, report.size()));
            } else if (lower.startsWith("the following recipients were affected")) {
                recipientsFollow = true;
            } else if (recipientsFollow && PlainTextBounce.ANY_ADDRESS.matcher(line).matches()) {
                if (PlainTextBounce.isRecipient(line, bounce.ownParties())) {
                    addresses.add(PlainTextBounce.key(line));
                }
            } else if (recipientsFollow && !line.isEmpty()) {
                recipientsFollow = false;
            }
        }
        var recipients = new ArrayList<FailedRecipient>();
        for (var address : addresses) {
            recipients.add(PlainTextBounce.failed(bounce, address, diagnostic, bounce.reportText(), true));
        }
        return recipients;
    }
}
