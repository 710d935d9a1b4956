package dev.suppression.dsn;

/** Italian "Mail Delivery Subsystem" style texts. */
final class ItalianTextLayout implements BounceLayout {

    @Override
    public String name() {
        return "Italian";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.saysAny("questo e il sistema di posta", "non e stato recapitato", "impossibile recapitare il messaggio");
    }
}
