package dev.suppression.dsn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * DragonFly Mail Agent (dma): "This is the DragonFly Mail Agent v0.13 at host.", the recipient in "There was an
 * error delivering your mail to &lt;jane@x&gt;.", then "mx.x [192.0.2.1] did not like our RCPT TO:" and the reply, or
 * dma's own words ("DNS lookup failure: host x not found", "Could not deliver for the last ... seconds").
 */
final class DragonFlyLayout implements BounceLayout {

    private static final Pattern RECIPIENT =
            Pattern.compile("(?i)there was an error delivering your mail to <(" + PlainTextBounce.ADDRESS + ")>");

    /** dma's own sentences, which carry no code (its source writes them so; Sisimai reads them the same way). */
    private static final Map<String, String> STATUS_BY_SENTENCE = Map.of(
            "dns lookup failure: host", "5.1.2",
            "could not deliver for the last", "5.4.7");

    @Override
    public String name() {
        return "DragonFly Mail Agent";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("this is the dragonfly mail agent") || bounce.headerContains("Received", "(DragonFly Mail Agent");
    }

    @Override
    public List<FailedRecipient> recipients(BounceText bounce) {
        var report = bounce.report();
        var recipients = new ArrayList<FailedRecipient>();
        for (int i = 0; i < report.size(); i++) {
            var m = RECIPIENT.matcher(report.get(i));
            if (!m.find() || !PlainTextBounce.isRecipient(m.group(1), bounce.ownParties())) {
                continue;
            }
            var block = new ArrayList<String>();
            for (int j = i + 1; j < report.size() && !RECIPIENT.matcher(report.get(j)).find(); j++) {
                block.add(report.get(j));
            }
            var response = PlainTextBounce.response(withoutBlankLines(block));
            var diagnostic = response != null ? response : PlainTextBounce.firstParagraph(block);
            recipients.add(PlainTextBounce.withStatusOfSentence(PlainTextBounce.failed(bounce,
                    PlainTextBounce.key(m.group(1)), diagnostic, String.join("\n", block), false), STATUS_BY_SENTENCE));
        }
        return recipients;
    }

    /** dma writes a multi-line reply with a blank line after each of its lines. */
    private static List<String> withoutBlankLines(List<String> block) {
        return block.stream().filter(line -> !line.isBlank()).toList();
    }
}
