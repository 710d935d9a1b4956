package dev.suppression.suppression;

/** Why an address is on the list. */
public enum SuppressionReason {
    /** The address hard-bounced: its mailbox or domain does not exist. */
    HARD_BOUNCE,
    /** Ops put it on the list by hand. */
    MANUAL,
    /** The recipient reported a message as spam: mailing again would hurt the sender's reputation. */
    COMPLAINT
}
