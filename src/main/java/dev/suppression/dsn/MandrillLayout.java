package dev.suppression.dsn;

/** Mandrill sends from mandrillapp.com (MailChimp's from mcsv.net) and stamps {@code X-Mandrill-User}. */
final class MandrillLayout implements BounceLayout {

    @Override
    public String name() {
        return "MailChimp / Mandrill";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.has("X-Mandrill-User") || bounce.fromContains("mandrillapp.com") || bounce.fromContains("mcsv.net")
                || bounce.headerContains("Received", "mandrillapp.com"));
    }
}
