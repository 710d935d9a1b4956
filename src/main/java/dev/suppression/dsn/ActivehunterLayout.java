package dev.suppression.dsn;

/** Active!hunter stamps its bounces with its own {@code X-AHMailID} header and lists each recipient as {@code >>> jane@x <jane@x>}. */
final class ActivehunterLayout implements BounceLayout {

    @Override
    public String name() {
        return "TransWARE Active!hunter";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.has("X-AHMailID"));
    }
}
