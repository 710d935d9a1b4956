package dev.suppression.recipientdomain;

import dev.suppression.address.DomainName;

/** Resume was asked for a domain that is not paused. */
public class DomainNotPausedException extends RuntimeException {

    public DomainNotPausedException(DomainName domain) {
        super("The domain " + domain + " is not paused, so there is nothing to resume.");
    }
}
