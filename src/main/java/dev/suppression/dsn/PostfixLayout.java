package dev.suppression.dsn;

/** Postfix's bounce(8) template: "This is the mail system at host ..." and each recipient as {@code <jane@x>: host mx[ip] said: ...}. */
final class PostfixLayout implements BounceLayout {

    @Override
    public String name() {
        return "Postfix";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.saysAny("this is the mail system at host", "this is the postfix program at host",
                "i'm sorry to have to inform you that your message could not",
                "i'm sorry to have to inform you that the message returned");
    }
}
