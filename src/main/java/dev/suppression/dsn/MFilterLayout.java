package dev.suppression.dsn;

/** m-FILTER names itself in {@code X-Mailer} and lists the address alone on a line, the server message under {@code -------server message} and the command under {@code -------SMTP command}. */
final class MFilterLayout implements BounceLayout {

    @Override
    public String name() {
        return "Digital Arts m-FILTER";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.headerContains("X-Mailer", "m-FILTER");
    }
}
