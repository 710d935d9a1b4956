package dev.suppression.dsn;

/** Verizon's gateways bounce from verizon.net, vtext.com or vzwpix.com. */
final class VerizonLayout implements BounceLayout {

    @Override
    public String name() {
        return "Verizon";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.fromContains("verizon") || bounce.fromContains("vtext.com") || bounce.fromContains("vzwpix.com")
                || bounce.headerContains("Received", "verizon"));
    }
}
