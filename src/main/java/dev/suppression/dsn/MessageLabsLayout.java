package dev.suppression.dsn;

/** MessageLabs relays are under messagelabs.com and stamp {@code X-Msg-Ref}. */
final class MessageLabsLayout implements BounceLayout {

    @Override
    public String name() {
        return "MessageLabs / Symantec.cloud";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.has("X-Msg-Ref") || bounce.fromContains("messagelabs.com") || bounce.headerContains("Received", "messagelabs.com"));
    }
}
