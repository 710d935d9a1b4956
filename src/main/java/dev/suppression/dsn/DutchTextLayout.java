package dev.suppression.dsn;

/** Dutch "Mail Delivery Subsystem" style texts. */
final class DutchTextLayout implements BounceLayout {

    @Override
    public String name() {
        return "Dutch";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return says(bounce, "dit is het mailsysteem", "kon niet worden afgeleverd", "niet afgeleverd");
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
