package dev.suppression.provider;

/** No adapter for this provider, or it is not configured: 404, so nothing is open by accident. */
public class UnknownProviderException extends RuntimeException {

    public UnknownProviderException(String provider) {
        super("No webhook is configured for '" + provider + "'. Configure suppression.providers." + provider
                + ".* (see the README) to enable POST /webhooks/" + provider + ".");
    }
}
