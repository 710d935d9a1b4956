package dev.suppression.dsn;

/** Postmark sends from postmarkapp.com and stamps {@code X-PM-Message-Id}. */
final class PostmarkLayout implements BounceLayout {

    @Override
    public String name() {
        return "Postmark";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.has("X-PM-Message-Id") || bounce.fromContains("postmarkapp.com") || bounce.headerContains("Received", "mtasv.net"));
    }
}
