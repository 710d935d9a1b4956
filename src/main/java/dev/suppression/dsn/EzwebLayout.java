package dev.suppression.dsn;

/** EZweb's notices come from Postmaster at ezweb.ne.jp or au.com with the subject "Mail System Error - Returned Mail". */
final class EzwebLayout implements BounceLayout {

    @Override
    public String name() {
        return "au EZweb";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.subjectStartsWith("Mail System Error - Returned Mail") || bounce.fromContains("@ezweb.ne.jp") || bounce.fromContains("postmaster@au.com"));
    }
}
