package dev.suppression.dsn;

/** GMX and WEB.DE (1&1) bounce from their own mailer-daemon; the text is Exim's. */
final class GmxLayout implements BounceLayout {

    @Override
    public String name() {
        return "GMX / WEB.DE";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.fromContains("@gmx.") || bounce.fromContains("web.de") || bounce.fromContains("1und1") || bounce.fromContains("ionos"));
    }
}
