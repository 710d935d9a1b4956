package dev.suppression.dsn;

/** WorkMail names itself in {@code X-Mailer} and reports through Amazon SES's infrastructure. */
final class AmazonWorkMailLayout implements BounceLayout {

    @Override
    public String name() {
        return "Amazon WorkMail";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.headerContains("X-Mailer", "Amazon WorkMail") || bounce.headerContains("Received", "awsapps.com"));
    }
}
