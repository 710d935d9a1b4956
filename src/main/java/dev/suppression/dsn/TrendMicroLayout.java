package dev.suppression.dsn;

/** Trend Micro's hosted gateway stamps {@code X-TM-AS-*} headers and sends from trendmicro domains. */
final class TrendMicroLayout implements BounceLayout {

    @Override
    public String name() {
        return "Trend Micro";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.has("X-TM-AS-Product-Ver") || bounce.fromContains("trendmicro") || bounce.headerContains("Received", "trendmicro"));
    }
}
