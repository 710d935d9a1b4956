package dev.suppression.dsn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * T-Online / Deutsche Telekom and Smail 3, whose bounce it follows: banners of bars,
 * "|------------------------- Failed addresses follow: ---------------------|", each recipient indented
 * ({@code  <jane@x>} with the reply on the next line, or Smail's {@code  jane@x ... unknown host}), then
 * "Message header follows" or "Message text follows".
 */
final class DeutscheTelekomLayout implements BounceLayout {

    private static final String FAILED_BANNER = "failed addresses follow:";
    private static final Pattern BRACKETED = Pattern.compile("^\\s+<(" + PlainTextBounce.ADDRESS + ")>\\s*$");
    private static final Pattern SMAIL = Pattern.compile("^\\s+(" + PlainTextBounce.ADDRESS + ")\\s+\\.\\.\\.\\s+(.*)$");

    @Override
    public String name() {
        return "Deutsche Telekom / Smail 3";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("-- failed addresses follow: --") || bounce.has("X-TOI-MSGID") && bounce.fromMailerDaemon();
    }

    @Override
    public List<FailedRecipient> recipients(BounceText bounce) {
        var addresses = new ArrayList<String>();
        var diagnostics = new ArrayList<StringBuilder>();
        boolean reading = false;
        for (var line : bounce.report()) {
            var lower = line.toLowerCase(Locale.ROOT);
            if (line.startsWith("|-")) {
                reading = lower.contains(FAILED_BANNER);
                continue;
            }
            if (!reading || line.isBlank()) {
                continue;
            }
            var bracketed = BRACKETED.matcher(line);
            var smail = SMAIL.matcher(line);
            if (bracketed.matches() && PlainTextBounce.isRecipient(bracketed.group(1), bounce.ownParties())) {
                addresses.add(PlainTextBounce.key(bracketed.group(1)));
                diagnostics.add(new StringBuilder());
            } else if (smail.matches() && PlainTextBounce.isRecipient(smail.group(1), bounce.ownParties())) {
                addresses.add(PlainTextBounce.key(smail.group(1)));
                diagnostics.add(new StringBuilder(smail.group(2).strip()));
            } else if (!diagnostics.isEmpty()) {
                diagnostics.getLast().append(' ').append(line.strip());
            }
        }
        var recipients = new ArrayList<FailedRecipient>();
        for (int i = 0; i < addresses.size(); i++) {
            var diagnostic = diagnostics.get(i).toString().strip();
            recipients.add(PlainTextBounce.failed(bounce, addresses.get(i), diagnostic.isEmpty() ? null : diagnostic,
                    diagnostic, addresses.size() == 1));
        }
        return recipients;
    }
}
