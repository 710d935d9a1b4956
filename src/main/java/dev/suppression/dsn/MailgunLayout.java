package dev.suppression.dsn;

/** Mailgun stamps {@code X-Mailgun-Sid} and sends from mailgun.org or mailgun.net. */
final class MailgunLayout implements BounceLayout {

    @Override
    public String name() {
        return "Mailgun";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.has("X-Mailgun-Sid") || bounce.fromContains("mailgun.") || bounce.headerContains("Received", "mailgun.net"));
    }
}
