package dev.suppression.dsn;

import java.util.List;
import java.util.Map;

/** BIGLOBE (and the Japanese cable ISPs on its platform) lists the address under "----- The following addresses had delivery problems -----" and the reason under "----- Non-delivered information -----". */
final class BiglobeLayout implements BounceLayout {

    @Override
    public String name() {
        return "BIGLOBE";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("----- the following addresses had delivery problems -----") && bounce.says("----- non-delivered information -----");
    }

    /** BIGLOBE's fixed reasons, which carry no code. */
    private static final Map<String, String> STATUS_BY_SENTENCE = Map.of(
            "exceeded the local limit", "5.2.2",
            "user unknown", "5.1.1");

    @Override
    public List<FailedRecipient> recipients(BounceText bounce) {
        return PlainTextBounce.recipients(bounce).stream()
                .map(recipient -> PlainTextBounce.withStatusOfSentence(recipient, STATUS_BY_SENTENCE)).toList();
    }
}
