package dev.suppression.dsn;

/** qmail-send's fixed sentences (qmail-send.c): "Hi. This is the qmail-send program at ..." and each recipient as {@code <jane@x>:} followed by qmail-remote's verdict. */
final class QmailLayout implements BounceLayout {

    @Override
    public String name() {
        return "qmail";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.saysAny("this is the qmail-send program", "i'm afraid i wasn't able to deliver your message",
                "he/her is not ");
    }
}
