package dev.suppression.dsn;

/** Exim's fixed sentences; each recipient on its own line, with "host mx [ip]" and "SMTP error from remote mail server after RCPT TO:". */
final class EximLayout implements BounceLayout {

    @Override
    public String name() {
        return "Exim";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("this message was created automatically by mail delivery software")
                || bounce.says("a message that you sent could not be delivered to one or more of its")
                || bounce.says("a message that you sent has not yet been delivered to one or more of its")
                || bounce.says("this message was automatically created by mail delivery software")
                || bounce.says("a message that you have sent could not be delivered to one or more")
                || bounce.says("a message that you sent could not be delivered to all of its recipients")
                || bounce.says("a message that you sent contained one or more recipient addresses");
    }
}
