package dev.suppression.verification;

/**
 * What verification can say about an address without mailing it. There is no "deliverable": without an SMTP
 * probe nobody can tell whether the mailbox exists, so the best an address gets is "nothing against it".
 */
public enum VerificationVerdict {
    /** Nothing found against the address; whether the mailbox exists is unknown. */
    DELIVERABLE_UNKNOWN,
    /** Mail may arrive, but the address is likely to bounce, complain or waste a send: review before mailing. */
    RISKY,
    /** Mail cannot arrive (bad syntax, no mail host, null MX) or our own list forbids it. */
    UNDELIVERABLE
}
