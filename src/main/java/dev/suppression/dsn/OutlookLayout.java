package dev.suppression.dsn;

/** Consumer Microsoft mailboxes bounce from postmaster at outlook.com, hotmail.com, live.com or msn.com. */
final class OutlookLayout implements BounceLayout {

    @Override
    public String name() {
        return "Outlook.com / Hotmail";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.fromContains("@outlook.com") || bounce.fromContains("@hotmail.") || bounce.fromContains("@live.com")
                || bounce.fromContains("@msn.com"));
    }
}
