package dev.suppression.dsn;

/** AOL's mail runs on Yahoo's platform and bounces from mailer-daemon at aol.com. */
final class AolLayout implements BounceLayout {

    @Override
    public String name() {
        return "AOL";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.fromContains("aol.com") || bounce.headerContains("Received", ".mx.aol.com"));
    }
}
