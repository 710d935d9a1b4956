package dev.suppression.dsn;

/** DoCoMo's gateway writes no layout of its own: its bounces are told by the docomo.ne.jp sender or relay and read generically. */
final class DocomoLayout implements BounceLayout {

    @Override
    public String name() {
        return "NTT DoCoMo";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.fromContains("docomo.ne.jp") || bounce.headerContains("Received", "docomo.ne.jp"));
    }
}
