package dev.suppression.dsn;

/** Mimecast's gateways are under mimecast.com and stamp {@code X-MC-Unique}. */
final class MimecastLayout implements BounceLayout {

    @Override
    public String name() {
        return "Mimecast";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.has("X-MC-Unique") || bounce.fromContains("mimecast") || bounce.headerContains("Received", "mimecast.com"));
    }
}
