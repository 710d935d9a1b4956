package dev.suppression.dsn;

/** X6 writes "We had trouble delivering your message. Full details follow:" and "SMTP Server <mx> rejected recipient <jane@x> (Error following RCPT command)". */
final class X6Layout implements BounceLayout {

    @Override
    public String name() {
        return "unbranded mailer daemon X6";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.subjectStartsWith("There was an error sending your mail") || bounce.says("we had trouble delivering your message");
    }
}
