package dev.suppression.dsn;

/** Courier introduces its notices as "a delivery status notification from ..., running the Courier mail server". */
final class CourierLayout implements BounceLayout {

    @Override
    public String name() {
        return "Courier";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("courier mail server");
    }
}
