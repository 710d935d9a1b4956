package dev.suppression.dsn;

/**
 * MailFoundry: subject "Message delivery has failed", each recipient after "Unable to deliver message to:", the
 * remote server's reply after "Delivery failed for the following reason:" ("Server mx.x[192.0.2.1] failed with:
 * 550 ..."); the generic reading finds both in the recipient's sentence and paragraph.
 */
final class MailFoundryLayout implements BounceLayout {

    @Override
    public String name() {
        return "MailFoundry";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.headerContains("Received", "(MAILFOUNDRY)")
                || (bounce.subjectStartsWith("Message delivery has failed") && bounce.says("unable to deliver message to:"));
    }
}
