package dev.suppression.verification;

import org.jspecify.annotations.Nullable;

/**
 * The answer for one address of a verification, in input order.
 *
 * @param address    the address as sent
 * @param normalized the address as the service stores it, null when it is malformed
 * @param detail     the findings in one sentence, or that nothing was found against the address
 */
public record VerifiedAddress(String address, @Nullable String normalized, VerificationVerdict verdict,
                              VerificationChecks checks, String detail) {

    static VerifiedAddress of(String address, @Nullable String normalized, VerificationChecks checks) {
        var findings = checks.findings();
        var detail = findings.isEmpty()
                ? "nothing found against the address; whether the mailbox exists is unknown without mailing it"
                : String.join("; ", findings);
        return new VerifiedAddress(address, normalized, checks.verdict(), checks, detail);
    }
}
