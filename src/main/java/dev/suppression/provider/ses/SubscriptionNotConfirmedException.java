package dev.suppression.provider.ses;

/** Visiting a {@code SubscribeURL} failed; answered with a server error so SNS sends the confirmation again. */
public class SubscriptionNotConfirmedException extends RuntimeException {

    public SubscriptionNotConfirmedException(String message) {
        super(message);
    }

    public SubscriptionNotConfirmedException(String message, Throwable cause) {
        super(message, cause);
    }
}
