package dev.suppression.dsn;

/** Facebook's mail servers send from facebook.com with {@code RCP-P} or {@code REJ-P} codes in the diagnostic. */
final class FacebookLayout implements BounceLayout {

    @Override
    public String name() {
        return "Facebook";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.fromContains("facebook.com") || bounce.headerContains("Received", "mx-out.facebook.com"));
    }
}
