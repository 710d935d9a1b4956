package dev.suppression.dsn;

/** BIGLOBE (and the Japanese cable ISPs on its platform) lists the address under "----- The following addresses had delivery problems -----" and the reason under "----- Non-delivered information -----". */
final class BiglobeLayout implements BounceLayout {

    @Override
    public String name() {
        return "BIGLOBE";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("----- the following addresses had delivery problems -----") && bounce.says("----- non-delivered information -----");
    }
}
