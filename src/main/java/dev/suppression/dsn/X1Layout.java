package dev.suppression.dsn;

import java.util.List;
import java.util.Map;

/** X1 writes "---The following addresses had delivery errors---" and then {@code jane@x [User unknown]}. */
final class X1Layout implements BounceLayout {

    @Override
    public String name() {
        return "unbranded mailer daemon X1";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("the following addresses had delivery errors");
    }

    /** X1's bracketed reasons, which carry no code. */
    private static final Map<String, String> STATUS_BY_SENTENCE = Map.of(
            "mailbox full", "5.2.2",
            "user unknown", "5.1.1");

    @Override
    public List<FailedRecipient> recipients(BounceText bounce) {
        return PlainTextBounce.recipients(bounce).stream()
                .map(recipient -> PlainTextBounce.withStatusOfSentence(recipient, STATUS_BY_SENTENCE)).toList();
    }
}
