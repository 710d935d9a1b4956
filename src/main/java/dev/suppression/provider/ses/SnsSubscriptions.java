package dev.suppression.provider.ses;

import java.net.URI;

/**
 * Confirms SNS subscriptions by visiting the {@code SubscribeURL} of a verified {@code SubscriptionConfirmation}
 * (an allowed topic, an https URL on an allowed SNS host). The production bean makes the HTTPS call; tests supply
 * an offline one that records it.
 */
public interface SnsSubscriptions {

    /**
     * @throws SubscriptionNotConfirmedException when SNS did not accept the confirmation; the request is then answered
     *                                           5xx, so SNS sends the confirmation again
     */
    void confirm(URI subscribeUrl);
}
