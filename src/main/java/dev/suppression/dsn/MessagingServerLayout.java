package dev.suppression.dsn;

/** Messaging Server's MIME boundaries start {@code Boundary_(ID_}, and its text lists "Recipient address:", "Reason:", "Diagnostic code:" and "Remote system:" per recipient. */
final class MessagingServerLayout implements BounceLayout {

    @Override
    public String name() {
        return "Oracle / Sun Messaging Server";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("this report relates to a message you sent with the following header fields")
                || (bounce.headerContains("Content-Type", "Boundary_(ID_") && bounce.says("recipient address:"));
    }
}
