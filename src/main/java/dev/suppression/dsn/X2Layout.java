package dev.suppression.dsn;

/** X2 writes "Unable to deliver message to the following address(es)." and each recipient as {@code <jane@x>:} with the reason under it. */
final class X2Layout implements BounceLayout {

    @Override
    public String name() {
        return "unbranded mailer daemon X2";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("unable to deliver message to the following address");
    }
}
