package dev.suppression.dsn;

/** MXLogic relays are under mxlogic.net and stamp {@code X-MXL-Hash}. */
final class MxLogicLayout implements BounceLayout {

    @Override
    public String name() {
        return "MXLogic (McAfee SaaS)";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.has("X-MXL-Hash") || bounce.has("X-MX-Bounce") || bounce.fromContains("mxlogic") || bounce.headerContains("Received", "mxlogic.net"));
    }
}
