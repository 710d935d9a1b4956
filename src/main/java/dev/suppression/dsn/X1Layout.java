package dev.suppression.dsn;

/** X1 writes "---The following addresses had delivery errors---" and then {@code jane@x [User unknown]}. */
final class X1Layout implements BounceLayout {

    @Override
    public String name() {
        return "unbranded mailer daemon X1";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("the following addresses had delivery errors");
    }
}
