package dev.suppression.dsn;

/** Spanish "Mail Delivery Subsystem" style texts. */
final class SpanishTextLayout implements BounceLayout {

    @Override
    public String name() {
        return "Spanish";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.saysAny("este es el sistema de correo", "su mensaje no pudo ser entregado", "no se pudo entregar su mensaje");
    }
}
