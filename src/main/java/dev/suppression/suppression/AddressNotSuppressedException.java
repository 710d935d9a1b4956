package dev.suppression.suppression;

import dev.suppression.address.EmailAddress;

/** Clear was asked for an address that is not on the list. */
public class AddressNotSuppressedException extends RuntimeException {

    public AddressNotSuppressedException(EmailAddress address) {
        super("The address " + address + " is not suppressed, so there is nothing to clear.");
    }
}
