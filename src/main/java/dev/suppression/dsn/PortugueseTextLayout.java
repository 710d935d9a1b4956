package dev.suppression.dsn;

/** Portuguese "Mail Delivery Subsystem" style texts. */
final class PortugueseTextLayout implements BounceLayout {

    @Override
    public String name() {
        return "Portuguese";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.saysAny("este e o sistema de correio", "nao pode ser entregue", "nao foi possivel entregar");
    }
}
