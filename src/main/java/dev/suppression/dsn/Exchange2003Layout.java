package dev.suppression.dsn;

/** Exchange 2003 writes "Your message did not reach some or all of the intended recipients" and {@code <host #5.1.1 smtp;550 ...>}. */
final class Exchange2003Layout implements BounceLayout {

    @Override
    public String name() {
        return "Microsoft Exchange 2003";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("your message did not reach some or all of the intended recipients") || bounce.says("the following recipient(s) cannot be reached")
                || bounce.says("the following recipient(s) could not be reached");
    }
}
