package dev.suppression.dsn;

/** Italian "Mail Delivery Subsystem" style texts. */
final class ItalianTextLayout implements BounceLayout {

    @Override
    public String name() {
        return "Italian";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return says(bounce, "questo e il sistema di posta", "non e stato recapitato", "impossibile recapitare il messaggio");
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
