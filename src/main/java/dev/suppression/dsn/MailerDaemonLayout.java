package dev.suppression.dsn;

/**
 * A plain-text bounce from a mailer daemon in a layout not listed before it: read by the generic rules. Last in
 * the list, and only for messages whose sender or subject says they are bounces.
 */
final class MailerDaemonLayout implements BounceLayout {

    @Override
    public String name() {
        return "mailer daemon";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.fromMailerDaemon();
    }
}
