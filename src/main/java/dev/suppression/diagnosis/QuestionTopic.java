package dev.suppression.diagnosis;

/** What a question for the recipient admin is about: the checks the seeds name. */
public enum QuestionTopic {
    /** Does the mailbox exist exactly as written? */
    EXACT_ADDRESS,
    /** Is the domain an accepted domain of the tenant, and of which type? */
    ACCEPTED_DOMAIN,
    /** Is the gateway's recipient table in sync with the directory? */
    GATEWAY_SYNC,
    /** Where does the MX or gateway route the domain's mail? */
    ROUTE_TARGET,
    /** After the fix, clear the caches that still hold the old answer. */
    CACHE_CLEAR
}
