package dev.suppression.provider;

/** A webhook body that is not the provider's format at all. */
public class MalformedWebhookException extends RuntimeException {

    public MalformedWebhookException(String message) {
        super(message);
    }
}
