package dev.suppression.provider;

/**
 * Something the service needs from the provider's side is unavailable (a signing certificate, a subscription
 * confirmation): answered 503 so the provider retries, never a 4xx that would make it give up.
 */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message) {
        super(message);
    }

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
