package dev.suppression.classification;

/**
 * Why a message bounced, finer than its {@link Classification}: the reasons bounce classifiers in the field
 * tell apart (Sisimai's {@code userunknown}, {@code hostunknown}, {@code mailboxfull}, {@code blocked} ...).
 * Each reason belongs to one classification family; only the families of a mailbox or domain that does not
 * exist ({@link #USER_UNKNOWN}, {@link #MAILBOX_MOVED}, {@link #HOST_UNKNOWN}, {@link #NOT_ACCEPTING_MAIL})
 * are hard bounces, and only when the failure is permanent. A suspended mailbox, a block, a policy, an
 * authentication failure or spam filtering never suppresses: the address is valid and the fix is elsewhere.
 */
public enum BounceReason {
    /** The mailbox does not exist: 5.1.1, "user unknown", "no such user", Microsoft's RecipientNotFound. */
    USER_UNKNOWN(Classification.USER_UNKNOWN),
    /** The mailbox was given up and left no forwarding address: 5.1.6, 551 "user not local". */
    MAILBOX_MOVED(Classification.USER_UNKNOWN),
    /** The recipient's domain does not exist or has no mail host: 5.1.2, "host unknown", NXDOMAIN. */
    HOST_UNKNOWN(Classification.BAD_DOMAIN),
    /** The recipient's domain declares that it takes no mail: RFC 7505 null MX (556 5.1.10), RFC 7504 521. */
    NOT_ACCEPTING_MAIL(Classification.BAD_DOMAIN),
    /** The mailbox is over its quota: x.2.2, "mailbox full"; it exists, later messages may get through. */
    MAILBOX_FULL(Classification.MAILBOX_FULL, true),
    /** The mailbox exists but is disabled, suspended or inactive: 5.2.1; it may come back, so never suppressed. */
    MAILBOX_DISABLED(Classification.UNDETERMINED),
    /** The message is larger than the receiver takes: 5.2.3, 5.3.4, 552 "message size exceeds". */
    MESSAGE_TOO_BIG(Classification.POLICY),
    /** The sending IP or domain is blocked by reputation or a block list (Spamhaus, Barracuda, a provider's own). */
    BLOCKED(Classification.POLICY),
    /** The receiver's policy or content rules refused the message (5.7.1 and its like, a virus, an attachment). */
    POLICY(Classification.POLICY),
    /** The receiver's filter judged the message to be spam or unsolicited. */
    SPAM_DETECTED(Classification.POLICY),
    /** The message failed sender authentication: SPF, DKIM, DMARC, 5.7.20 to 5.7.26, "unauthenticated". */
    AUTHENTICATION(Classification.POLICY),
    /** Our own envelope sender was refused (5.1.7, 5.1.8, "sender address rejected"), whatever the code says. */
    SENDER_REJECTED(Classification.POLICY, true),
    /**
     * A recipient-side filter refused the message after reading it: a "no such user" given after the end of
     * {@code DATA} (Sisimai's {@code filtered}). Whether the mailbox exists is not known, so it never suppresses.
     */
    FILTERED(Classification.UNDETERMINED),
    /** The receiving host does not relay for the recipient's domain: "relay access denied". */
    RELAYING_DENIED(Classification.POLICY),
    /** We sent too much or too fast: "rate limited", "too many connections", Yahoo's TS deferrals. */
    RATE_LIMITED(Classification.POLICY),
    /** Delivery was retried until the message expired: 4.4.7, 5.4.7, "retry timeout exceeded". */
    EXPIRED(Classification.TRANSIENT),
    /** The receiving host could not be reached or talked to: 4.4.1 "connection timed out", refused, a mail loop. */
    NETWORK(Classification.ROUTING),
    /** The receiving mail system failed or is out of resources: 4.3.0, 5.3.0, "local error in processing". */
    SYSTEM(Classification.TRANSIENT),
    /** Nothing in the codes or the text tells why. */
    UNDETERMINED(Classification.UNDETERMINED);

    private final Classification classification;
    private final boolean sameWhenTemporary;

    BounceReason(Classification classification) {
        this(classification, false);
    }

    BounceReason(Classification classification, boolean sameWhenTemporary) {
        this.classification = classification;
        this.sameWhenTemporary = sameWhenTemporary;
    }

    /**
     * The public classification of a bounce for this reason. A temporary failure (4.x.x) is {@code TRANSIENT}
     * whatever its reason, so it never suppresses; only a full mailbox and a rejected sender keep their
     * family, because they mean the same thing either way.
     */
    public Classification classification(boolean temporary) {
        return temporary && !sameWhenTemporary ? Classification.TRANSIENT : classification;
    }

    /** Whether a permanent failure for this reason suppresses the address. */
    public boolean suppressesWhenPermanent() {
        return classification.isHardBounce();
    }
}
