package dev.suppression.dsn;

/** Dutch "Mail Delivery Subsystem" style texts. */
final class DutchTextLayout implements BounceLayout {

    @Override
    public String name() {
        return "Dutch";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.saysAny("dit is het mailsysteem", "kon niet worden afgeleverd", "niet afgeleverd");
    }
}
