package dev.suppression.dsn;

/**
 * Bigfoot's forwarding service: a Sendmail-style "----- Transcript of session follows -----" from bigfoot's own
 * hosts, the last {@code >>>} command before the {@code <<<} refusal telling the stage.
 */
final class BigfootLayout implements BounceLayout {

    @Override
    public String name() {
        return "Bigfoot";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.fromContains("@bigfoot.") || bounce.headerContains("Received", ".bigfoot.");
    }
}
