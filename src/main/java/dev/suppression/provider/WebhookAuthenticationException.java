package dev.suppression.provider;

/** A webhook request that does not prove it comes from its provider: answered 401, its body is not stored. */
public class WebhookAuthenticationException extends RuntimeException {

    public WebhookAuthenticationException(String message) {
        super(message);
    }
}
