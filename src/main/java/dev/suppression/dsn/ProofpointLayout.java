package dev.suppression.dsn;

/** Proofpoint's hosted gateways are under pphosted.com; on-premise ones name themselves in the text. */
final class ProofpointLayout implements BounceLayout {

    @Override
    public String name() {
        return "Proofpoint";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.headerContains("Received", "pphosted.com") || bounce.fromContains("pphosted.com") || bounce.says("proofpoint"));
    }
}
