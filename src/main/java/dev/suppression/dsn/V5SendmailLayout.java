package dev.suppression.dsn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Sendmail version 5 and the appliances built on it: "Returned mail: ..." with only a session transcript
 * ({@code >>> RCPT To:<jane@x>}, {@code <<< 550 ...}), each recipient on its own verdict line
 * ({@code 550 <jane@x>... User unknown}), and "----- Unsent message follows -----".
 */
final class V5SendmailLayout implements BounceLayout {

    private static final Pattern VERDICT = Pattern.compile("^\\s*([45]\\d\\d) <(" + PlainTextBounce.ADDRESS + ")>\\.\\.\\.\\s*(.*)$");
    private static final Pattern REMOTE_REPLY = Pattern.compile("^\\s*<<<\\s*([45]\\d\\d.*)$");

    @Override
    public String name() {
        return "Sendmail 5";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        var returned = bounce.returned().toLowerCase(Locale.ROOT);
        return bounce.subjectStartsWith("Returned mail: ") && bounce.says("----- transcript of session follows -----")
                && (returned.contains("----- unsent message follows -----")
                    || returned.contains("----- no message was collected -----"))
                && !bounce.says("----- the following addresses had permanent fatal errors -----");
    }

    @Override
    public List<FailedRecipient> recipients(BounceText bounce) {
        var verdicts = new LinkedHashMap<String, String>();
        String remoteReply = null;
        for (var line : bounce.report()) {
            var reply = REMOTE_REPLY.matcher(line);
            if (reply.matches() && remoteReply == null) {
                remoteReply = reply.group(1).strip();
            }
            var m = VERDICT.matcher(line);
            if (m.matches() && PlainTextBounce.isRecipient(m.group(2), bounce.ownParties())) {
                verdicts.putIfAbsent(PlainTextBounce.key(m.group(2)), m.group(1) + " " + m.group(3).strip());
            }
        }
        var recipients = new ArrayList<FailedRecipient>();
        for (var verdict : verdicts.entrySet()) {
            // The remote server's own reply says more than Sendmail's summary of it ("Service unavailable").
            var diagnostic = remoteReply != null ? remoteReply : verdict.getValue();
            recipients.add(PlainTextBounce.failed(bounce, verdict.getKey(), diagnostic, bounce.reportText(),
                    verdicts.size() == 1));
        }
        return recipients;
    }
}
