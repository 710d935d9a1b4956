package dev.suppression.verification;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What was looked at for one address, and what each look found. {@code mailbox} and {@code catchAll} are always
 * {@code UNKNOWN}: only an SMTP probe could tell, and the service does not probe (see the README).
 *
 * @param didYouMean the address with the common domain it most likely meant, never applied by the service
 * @param guessing   one of several never-seen local parts at a domain that recently answered "user unknown"
 */
public record VerificationChecks(Syntax syntax, @Nullable String syntaxProblem, OwnList ownList, DomainCheck domain,
                                 @Nullable String domainDetail, @Nullable String didYouMean, boolean role,
                                 boolean disposable, boolean guessing, Unknowable mailbox, Unknowable catchAll) {

    /** Whether the address is a well-formed RFC 5321 address. */
    public enum Syntax { VALID, INVALID }

    /** What our own suppression list says. */
    public enum OwnList {
        /** Neither the address nor its domain is held back. */
        CLEAR,
        /** The address is suppressed. */
        SUPPRESSED,
        /** The address's domain is paused. */
        DOMAIN_PAUSED,
        /** Not asked: the address was malformed. */
        NOT_CHECKED
    }

    /** A property nobody can know without mailing the address. */
    public enum Unknowable { UNKNOWN }

    static VerificationChecks malformed(String problem) {
        return new VerificationChecks(Syntax.INVALID, problem, OwnList.NOT_CHECKED, DomainCheck.NOT_CHECKED, null, null,
                false, false, false, Unknowable.UNKNOWN, Unknowable.UNKNOWN);
    }

    /** Mail cannot arrive, or we must not send it, wins; then anything against the address; else nothing known. */
    public VerificationVerdict verdict() {
        if (syntax == Syntax.INVALID || ownList == OwnList.SUPPRESSED || domain.undeliverable()) {
            return VerificationVerdict.UNDELIVERABLE;
        }
        if (ownList == OwnList.DOMAIN_PAUSED || didYouMean != null || role || disposable || guessing) {
            return VerificationVerdict.RISKY;
        }
        return VerificationVerdict.DELIVERABLE_UNKNOWN;
    }

    /** The findings in words, worst first; empty when nothing was found against the address. */
    public List<String> findings() {
        var found = new ArrayList<String>();
        if (syntax == Syntax.INVALID) {
            found.add("not a valid address: " + syntaxProblem);
            return found;
        }
        switch (ownList) {
            case SUPPRESSED -> found.add("the address is on the suppression list");
            case DOMAIN_PAUSED -> found.add("its domain is paused on the suppression list");
            default -> { }
        }
        switch (domain) {
            case NXDOMAIN -> found.add("the domain does not exist (NXDOMAIN)");
            case NULL_MX -> found.add("the domain accepts no mail (null MX, RFC 7505)");
            case NO_MAIL_HOST -> found.add("the domain has no MX, A or AAAA record");
            case UNKNOWN -> found.add("DNS did not answer for the domain (" + domainDetail + "); try again later");
            default -> { }
        }
        if (didYouMean != null) {
            found.add("did you mean " + didYouMean + "? (not corrected: fix it at the source and resend once)");
        }
        if (disposable) {
            found.add("a disposable (throw-away) domain");
        }
        if (role) {
            found.add("a role address, not a person");
        }
        if (guessing) {
            found.add("one of several never-seen local parts at a domain that recently answered 'user unknown': "
                    + "mailing variations looks like a dictionary attack");
        }
        return found;
    }
}
