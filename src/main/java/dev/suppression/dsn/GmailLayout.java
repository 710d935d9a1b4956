package dev.suppression.dsn;

/** Gmail's notices, older and current wording. */
final class GmailLayout implements BounceLayout {

    @Override
    public String name() {
        return "Gmail";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("delivery to the following recipient failed permanently") || bounce.says("delivery to the following recipient has been delayed")
                || bounce.says("your message wasn't delivered to") || bounce.says("google tried to deliver your message")
                || bounce.says("there was a temporary problem delivering your message")
                || bounce.says("the email account that you tried to reach does not exist") || bounce.says("** address not found **")
                || bounce.says("** message blocked **") || bounce.fromMailerDaemon() && bounce.fromContains("@googlemail.com");
    }
}
