package dev.suppression.dsn;

/** Postfix's bounce(8) template: "This is the mail system at host ..." and each recipient as {@code <jane@x>: host mx[ip] said: ...}. */
final class PostfixLayout implements BounceLayout {

    @Override
    public String name() {
        return "Postfix";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("this is the mail system at host") || bounce.says("i'm sorry to have to inform you that your message could not");
    }
}
