package dev.suppression.dsn;

import java.util.List;

/**
 * A Google Workspace notice that names no recipient: from {@code mailer-daemon@googlemail.com}, a "Delivery Status
 * Notification" subject, a {@code ** Message not delivered **} heading and Google's explanation ("You're sending
 * this from a different address or alias using the 'Send mail as' feature", "The response was: ..."). Sisimai
 * takes the recipient from the {@code To:} of the returned message, the one place it is named; so does this
 * layout, and only when that header names a single address, so no other address of the original is taken.
 */
final class GoogleWorkspaceLayout implements BounceLayout {

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
        var to = PlainTextBounce.onlyAddresseeOfReturned(bounce);
        if (to == null) {
            return List.of();
        }
        var diagnostic = PlainTextBounce.firstParagraphs(bounce.report(), 4);
        return List.of(PlainTextBounce.failed(bounce, to, diagnostic, bounce.reportText(), true));
    }
}
