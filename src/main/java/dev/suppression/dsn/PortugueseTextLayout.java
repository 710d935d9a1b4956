package dev.suppression.dsn;

/** Portuguese "Mail Delivery Subsystem" style texts. */
final class PortugueseTextLayout implements BounceLayout {

    @Override
    public String name() {
        return "Portuguese";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return says(bounce, "este e o sistema de correio", "nao pode ser entregue", "nao foi possivel entregar");
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
