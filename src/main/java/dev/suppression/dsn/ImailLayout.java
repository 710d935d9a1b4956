package dev.suppression.dsn;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Ipswitch IMail: {@code X-Mailer: <SMTP32 v8.22>} or "Undeliverable Mail" as the subject, each recipient after
 * its reason on one line ({@code Unknown user: jane@x}, {@code undeliverable to jane@x}), the remote server's
 * words under "Body of message generated response:".
 */
final class ImailLayout implements BounceLayout {

    private static final Pattern REASON_THEN_ADDRESS =
            Pattern.compile("^\\s*([^:<>@]{3,80}?)(?::|\\s+to)\\s+<?(" + PlainTextBounce.ADDRESS + ")>?\\s*$");

    @Override
    public String name() {
        return "IMail";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.headerContains("X-Mailer", "<SMTP32 v")
                || (bounce.subjectStartsWith("Undeliverable Mail ") && !bounce.subjectStartsWith("Undeliverable Mail: \""));
    }

    @Override
    public List<FailedRecipient> recipients(BounceText bounce) {
        var recipients = new ArrayList<FailedRecipient>();
        var report = bounce.report();
        var response = "";
        for (int i = 0; i < report.size(); i++) {
            if (report.get(i).strip().toLowerCase(java.util.Locale.ROOT).startsWith("body of message generated response")) {
                var code = PlainTextBounce.response(report.subList(i + 1, report.size()));
                response = code == null ? "" : code;
            }
        }
        for (var line : report) {
            var m = REASON_THEN_ADDRESS.matcher(line);
            if (m.matches() && PlainTextBounce.isRecipient(m.group(2), bounce.ownParties())) {
                var diagnostic = response.isEmpty() ? m.group(1).strip() : response + " (" + m.group(1).strip() + ")";
                recipients.add(PlainTextBounce.failed(bounce, PlainTextBounce.key(m.group(2)), diagnostic, line, false));
            }
        }
        return recipients.size() == 1
                ? List.of(PlainTextBounce.failed(bounce, recipients.getFirst().recipient(), recipients.getFirst().diagnostic(),
                        bounce.reportText(), true))
                : recipients;
    }
}
