package dev.suppression.dsn;

/** Zoho bounces from zoho.com or zohomail and stamps {@code X-ZohoMail}. */
final class ZohoLayout implements BounceLayout {

    @Override
    public String name() {
        return "Zoho Mail";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.has("X-ZohoMail") || bounce.fromContains("zoho"));
    }
}
