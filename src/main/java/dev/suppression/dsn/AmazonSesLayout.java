package dev.suppression.dsn;

/** SES bounces come from MAILER-DAEMON at amazonses.com, in a DSN or in its plain sentence "An error occurred while trying to deliver the mail to the following recipients". */
final class AmazonSesLayout implements BounceLayout {

    @Override
    public String name() {
        return "Amazon SES (email)";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.fromContains("amazonses.com") || bounce.has("X-SES-Outgoing")
                || bounce.says("an error occurred while trying to deliver the mail to the following recipients"));
    }
}
