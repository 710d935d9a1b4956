package dev.suppression.dsn;

/** James writes "Error message below:" and the envelope under "Message details:" ({@code RCPT TO: jane@x}); its subject is {@code [BOUNCE]} or its Message-ID a JavaMail one. */
final class ApacheJamesLayout implements BounceLayout {

    @Override
    public String name() {
        return "Apache James";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return (bounce.subjectStartsWith("[BOUNCE]") || bounce.headerContains("Message-ID", ".JavaMail.") || bounce.headerContains("Received", "JAMES SMTP Server"))
                && bounce.says("error message below:");
    }
}
