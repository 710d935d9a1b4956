package dev.suppression.dsn;

/**
 * Websense SurfControl E-mail Filter ({@code X-Mailer: SurfControl E-mail Filter}, {@code X-SEF-Processed}): "Your
 * message could not be sent.", the recipient after "Addressed To:", the refusal as
 * {@code jane@x: [192.0.2.5], 550 ...}, whose bracketed address is the refusing host.
 */
final class SurfControlLayout implements BounceLayout {

    @Override
    public String name() {
        return "SurfControl";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.has("X-SEF-Processed") || bounce.headerContains("X-Mailer", "SurfControl");
    }
}
