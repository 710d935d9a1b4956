package dev.suppression.dsn;

/** McAfee's gateway adds {@code X-NAI-Header} and writes "--- The following addresses had delivery problems ---". */
final class McAfeeLayout implements BounceLayout {

    @Override
    public String name() {
        return "McAfee Email Gateway";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.has("X-NAI-Header"));
    }
}
