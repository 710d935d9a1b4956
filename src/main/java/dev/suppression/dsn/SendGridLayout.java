package dev.suppression.dsn;

/** SendGrid relays set {@code X-SG-EID} or send from sendgrid.net; their DSNs may carry {@code Action: expired}. */
final class SendGridLayout implements BounceLayout {

    @Override
    public String name() {
        return "SendGrid";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.has("X-SG-EID") || bounce.fromContains("sendgrid.net") || bounce.headerContains("Received", "sendgrid.net"));
    }
}
