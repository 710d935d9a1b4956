package dev.suppression.provider.ses;

import dev.suppression.provider.ProviderUnavailableException;

/** Visiting a {@code SubscribeURL} failed; answered with a server error so SNS sends the confirmation again. */
public class SubscriptionNotConfirmedException extends ProviderUnavailableException {

    public SubscriptionNotConfirmedException(String message) {
        super(message);
    }

    public SubscriptionNotConfirmedException(String message, Throwable cause) {
        super(message, cause);
    }
}
