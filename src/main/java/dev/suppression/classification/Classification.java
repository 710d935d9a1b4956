package dev.suppression.classification;

/**
 * What a bounce says about the recipient. Only a mailbox or domain that does not exist is a hard
 * bounce: it suppresses the address and counts toward the domain's cluster.
 */
public enum Classification {
    /** 5.1.1 and "user unknown" texts: the mailbox does not exist. */
    USER_UNKNOWN(true),
    /** 5.1.2, 5.1.10 (null MX), "host unknown": the domain does not take mail at all. */
    BAD_DOMAIN(true),
    /** x.2.2, "mailbox full", "over quota": the mailbox exists; try later. */
    MAILBOX_FULL(false),
    /** 5.4.x: a DNS or routing failure, not a problem with the address. */
    ROUTING(false),
    /** 5.7.x: a policy or reputation block on an address that exists; the fix is on the sending side. */
    POLICY(false),
    /** Other 4.x.x: a temporary failure. */
    TRANSIENT(false),
    /** Anything else: recorded only. */
    UNDETERMINED(false);

    private final boolean hardBounce;

    Classification(boolean hardBounce) {
        this.hardBounce = hardBounce;
    }

    /** A hard bounce suppresses the address and counts toward the domain cluster. */
    public boolean isHardBounce() {
        return hardBounce;
    }
}
