package dev.suppression.dsn;

/** German "Mail Delivery Subsystem" style texts (Postfix, Exchange and provider templates). */
final class GermanTextLayout implements BounceLayout {

    @Override
    public String name() {
        return "German";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.saysAny("dies ist das mailsystem", "ihre nachricht konnte nicht", "konnte nicht zugestellt werden",
                "die zustellung an folgende empfanger ist fehlgeschlagen", "fehler bei der zustellung an diese empfanger oder gruppen", "unzustellbar");
    }
}
