package dev.suppression.dsn;

/** Barracuda appliances stamp {@code X-Barracuda-*} headers and name themselves. */
final class BarracudaLayout implements BounceLayout {

    @Override
    public String name() {
        return "Barracuda";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.has("X-Barracuda-Connect") || bounce.has("X-Barracuda-Envelope-From") || bounce.fromContains("barracuda")
                || bounce.headerContains("Received", "barracudanetworks.com"));
    }
}
