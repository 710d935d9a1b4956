package dev.suppression.suppression;

import dev.suppression.address.EmailAddress;

/**
 * A second clear of an address that hard-bounced again during its probation: the recipient side has
 * not fixed the mailbox, so clearing once more needs {@code force=true}.
 */
public class ClearNeedsForceException extends RuntimeException {

    public ClearNeedsForceException(EmailAddress address) {
        super("The address " + address + " hard-bounced again while on probation after its last clear. "
                + "Confirm with the recipient that the mailbox now exists, then clear again with force=true.");
    }
}
