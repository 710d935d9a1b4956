package dev.suppression.dsn;

/** SparkPost's MTAs are under sparkpostmail.com. */
final class SparkPostLayout implements BounceLayout {

    @Override
    public String name() {
        return "SparkPost";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.fromContains("sparkpostmail.com") || bounce.headerContains("Received", "sparkpostmail.com"));
    }
}
