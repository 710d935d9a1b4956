package dev.suppression.dsn;

import dev.suppression.classification.SmtpStage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 1&amp;1 (IONOS, kundenserver): Exim's opening sentences, the failed address alone on its line, then either "For
 * the following reason:" and 1&amp;1's own words ("Mail size limit exceeded"), or "SMTP error from remote server for
 * RCPT TO command, host: mx.x (192.0.2.1) reason: 550 ...", where "TEXT command" is the message after DATA.
 */
final class EinsUndEinsLayout implements BounceLayout {

    private static final Pattern ADDRESS_LINE = Pattern.compile("^\\s*<?(" + PlainTextBounce.ADDRESS + ")>?:?\\s*$");
    private static final Pattern HOST = Pattern.compile("(?i)host:\\s+([a-z0-9][a-z0-9.-]*\\.[a-z]{2,})");
    private static final Pattern COMMAND = Pattern.compile("(?i)for ([a-z ]{3,12}?) command");

    @Override
    public String name() {
        return "1&1 (IONOS)";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.has("X-UI-Out-Filterresults")
                || (bounce.fromContains("kundenserver") || bounce.fromContains("1and1") || bounce.fromContains("ionos"))
                        && bounce.says("this message was created automatically by mail delivery software");
    }

    @Override
    public List<FailedRecipient> recipients(BounceText bounce) {
        var blocks = new ArrayList<List<String>>();
        var addresses = new ArrayList<String>();
        for (var line : bounce.report()) {
            var m = ADDRESS_LINE.matcher(line);
            if (m.matches() && PlainTextBounce.isRecipient(m.group(1), bounce.ownParties())) {
                addresses.add(PlainTextBounce.key(m.group(1)));
                blocks.add(new ArrayList<>());
            } else if (!blocks.isEmpty()) {
                blocks.getLast().add(line);
            }
        }
        var recipients = new ArrayList<FailedRecipient>();
        for (int i = 0; i < addresses.size(); i++) {
            var block = blocks.get(i);
            var text = String.join(" ", block).replaceAll("\\s+", " ").strip();
            var reason = text.toLowerCase(Locale.ROOT).indexOf("reason:");
            String diagnostic;
            if (reason >= 0) {
                diagnostic = text.substring(reason + "reason:".length()).strip();
            } else {
                diagnostic = text.replaceFirst("(?i)^for the following reason:\\s*", "");
            }
            var failed = PlainTextBounce.failed(bounce, addresses.get(i), diagnostic.isEmpty() ? null : diagnostic,
                    String.join("\n", block), addresses.size() == 1);
            recipients.add(withSession(failed, text));
        }
        return recipients;
    }

    /** The host and the command 1&amp;1 names in its "SMTP error from remote server" sentence. */
    private static FailedRecipient withSession(FailedRecipient failed, String text) {
        var host = HOST.matcher(text);
        var command = COMMAND.matcher(text);
        var stage = failed.stage();
        if (command.find()) {
            var name = command.group(1).strip().toLowerCase(Locale.ROOT);
            stage = name.equals("text") ? SmtpStage.DATA : SmtpStage.named(name.split(" ")[0]);
        }
        var remote = host.find() ? host.group(1).toLowerCase(Locale.ROOT) : failed.remoteMta();
        return new FailedRecipient(failed.recipient(), failed.finalRecipient(), failed.action(), failed.status(),
                failed.smtpCode(), failed.diagnostic(), stage, remote, failed.reportingMta(), failed.lastAttempt(),
                failed.evidence());
    }
}
