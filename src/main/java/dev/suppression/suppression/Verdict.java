package dev.suppression.suppression;

/** The answer to "may I mail this address now?". */
public enum Verdict {
    ALLOW(true),
    /** The address itself is suppressed; wins over a paused domain. */
    SUPPRESSED(false),
    /** The address is fine, but its whole domain is paused until routing is confirmed. */
    DOMAIN_PAUSED(false);

    private final boolean mayMail;

    Verdict(boolean mayMail) {
        this.mayMail = mayMail;
    }

    public boolean mayMail() {
        return mayMail;
    }
}
