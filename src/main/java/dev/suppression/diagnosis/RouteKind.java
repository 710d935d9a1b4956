package dev.suppression.diagnosis;

/** How a domain's mail route was seen, as stored with the MX evidence. */
public enum RouteKind {
    /** The domain publishes MX records. */
    MX,
    /** No MX: the domain's own address takes mail (RFC 5321 section 5.1). */
    IMPLICIT_MX,
    /** The domain declares it takes no mail (RFC 7505). */
    NULL_MX,
    /** The domain does not exist, or has neither MX nor address. */
    NO_MAIL_HOST
}
