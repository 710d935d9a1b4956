package dev.suppression.verification;

import dev.suppression.dns.MailRoute;

/** What DNS says about the address's domain, RFC 5321 section 5.1 and RFC 7505. */
public enum DomainCheck {
    /** The domain publishes MX records. */
    MX(false),
    /** No MX, but an A or AAAA record: the domain itself takes mail (RFC 5321's implicit MX). */
    IMPLICIT_MX(false),
    /** RFC 7505: the domain declares that it accepts no mail. */
    NULL_MX(true),
    /** The domain does not exist (NXDOMAIN). */
    NXDOMAIN(true),
    /** The domain exists but has neither MX nor address records. */
    NO_MAIL_HOST(true),
    /** DNS gave no usable answer (timeout, SERVFAIL): nothing is known either way. */
    UNKNOWN(false),
    /** Not asked: the address was malformed. */
    NOT_CHECKED(false);

    private final boolean undeliverable;

    DomainCheck(boolean undeliverable) {
        this.undeliverable = undeliverable;
    }

    /** Whether mail to the domain cannot be delivered at all. */
    public boolean undeliverable() {
        return undeliverable;
    }

    static DomainCheck of(MailRoute route) {
        return switch (route) {
            case MailRoute.Exchangers exchangers -> MX;
            case MailRoute.ImplicitMx implicit -> IMPLICIT_MX;
            case MailRoute.NullMx nullMx -> NULL_MX;
            case MailRoute.NoMailHost noHost -> noHost.domainDoesNotExist() ? NXDOMAIN : NO_MAIL_HOST;
            case MailRoute.Unknown unknown -> UNKNOWN;
        };
    }
}
