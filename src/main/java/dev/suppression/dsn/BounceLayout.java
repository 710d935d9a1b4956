package dev.suppression.dsn;

import java.util.List;

/**
 * One MTA's or provider's way of writing a bounce: how to tell it, and where it names each failed recipient and
 * the server's response. The recognisers are tried in the order {@link BounceLayouts} lists them; the first that
 * recognises a message and finds a recipient in it reads it.
 */
interface BounceLayout {

    /** Who writes this layout, for people and logs: "qmail", "Google Groups". */
    String name();

    /** Whether the message is in this layout: markers in its headers or text the MTA always writes. */
    boolean recognises(BounceText bounce);

    /**
     * The failed recipients as this layout names them; empty when it names none where it should. Most layouts put
     * each recipient at the start of its own line with the response under it, which the generic reading handles.
     */
    default List<FailedRecipient> recipients(BounceText bounce) {
        return PlainTextBounce.recipients(bounce);
    }

    /**
     * The recipients as this layout's writer means them, when its words say less than they seem to (a provider's
     * template that reads like "user unknown" but is a rule of its customer's); by default as read. Applied to
     * the recipients of a delivery-status report in this layout too.
     */
    default List<FailedRecipient> interpreted(List<FailedRecipient> recipients) {
        return recipients;
    }
}
