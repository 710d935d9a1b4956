package dev.suppression.dsn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Google Workspace notice that names no recipient: from {@code mailer-daemon@googlemail.com}, a "Delivery Status
 * Notification" subject, a {@code ** Message not delivered **} heading and Google's explanation ("You're sending
 * this from a different address or alias using the 'Send mail as' feature", "The response was: ..."). Sisimai
 * takes the recipient from the {@code To:} of the returned message, the one place it is named; so does this
 * layout, and only when that header names a single address, so no other address of the original is taken.
 */
final class GoogleWorkspaceLayout implements BounceLayout {

    private static final Pattern TO_HEADER = Pattern.compile("(?im)^to:\\s*(.+)$");

    @Override
    public String name() {
        return "Google Workspace";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.fromContains("mailer-daemon@googlemail.com") && bounce.subject().contains("Delivery Status Notification")
                && bounce.report().stream().anyMatch(line -> line.startsWith("** "));
    }

    @Override
    public List<FailedRecipient> recipients(BounceText bounce) {
        var named = PlainTextBounce.recipients(bounce);
        if (!named.isEmpty()) {
            return named;
        }
        var to = returnedTo(bounce);
        if (to == null) {
            return List.of();
        }
        var diagnostic = PlainTextBounce.firstParagraphs(bounce.report(), 4);
        return List.of(PlainTextBounce.failed(bounce, to, diagnostic, bounce.reportText(), true));
    }

    /** The single address of the returned message's {@code To:}, from its part or from the quoted headers. */
    private static @org.jspecify.annotations.Nullable String returnedTo(BounceText bounce) {
        var candidates = new ArrayList<String>();
        bounce.parts().first("message/rfc822", "text/rfc822-headers", "message/rfc822-headers")
                .map(section -> section.headers().getHeader("To", ",")).ifPresent(candidates::add);
        var quoted = TO_HEADER.matcher(bounce.returned());
        if (quoted.find()) {
            candidates.add(quoted.group(1));
        }
        for (var value : candidates) {
            var addresses = new ArrayList<String>();
            var m = PlainTextBounce.ANY_ADDRESS.matcher(value);
            while (m.find()) {
                addresses.add(m.group().toLowerCase(Locale.ROOT));
            }
            if (addresses.size() == 1 && PlainTextBounce.isRecipient(addresses.getFirst(), bounce.ownParties())) {
                return addresses.getFirst();
            }
        }
        return null;
    }
}
