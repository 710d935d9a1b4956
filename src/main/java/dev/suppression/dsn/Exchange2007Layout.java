package dev.suppression.dsn;

/** Exchange 2007 and later write "Delivery has failed to these recipients or groups" and the generating server. */
final class Exchange2007Layout implements BounceLayout {

    @Override
    public String name() {
        return "Microsoft Exchange 2007+";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("delivery has failed to these recipients or groups") || bounce.says("delivery to these recipients or groups has been delayed")
                || bounce.says("delivery to the following recipients has been delayed");
    }
}
