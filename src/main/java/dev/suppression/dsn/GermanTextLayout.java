package dev.suppression.dsn;

/** German "Mail Delivery Subsystem" style texts (Postfix, Exchange and provider templates). */
final class GermanTextLayout implements BounceLayout {

    @Override
    public String name() {
        return "German";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return says(bounce, "dies ist das mailsystem", "ihre nachricht konnte nicht", "konnte nicht zugestellt werden",
                "die zustellung an folgende empfanger ist fehlgeschlagen", "fehler bei der zustellung an diese empfanger oder gruppen", "unzustellbar");
    }

    private static boolean says(BounceText bounce, String... phrases) {
        for (var phrase : phrases) {
            if (bounce.says(phrase)) {
                return true;
            }
        }
        return false;
    }
}
