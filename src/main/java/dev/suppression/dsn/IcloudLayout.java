package dev.suppression.dsn;

/** iCloud's servers bounce from icloud.com, me.com or mac.com. */
final class IcloudLayout implements BounceLayout {

    @Override
    public String name() {
        return "Apple iCloud";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.fromContains("icloud.com") || bounce.fromContains("@me.com") || bounce.fromContains("@mac.com")
                || bounce.headerContains("Received", "mail.icloud.com"));
    }
}
