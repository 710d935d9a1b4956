package dev.suppression.verification;

import java.util.List;

/** How many addresses got each verdict, and how many distinct domains DNS was asked about. */
public record VerificationSummary(long total, long deliverableUnknown, long risky, long undeliverable, long domains) {

    public static VerificationSummary of(List<VerifiedAddress> results, long domains) {
        long unknown = 0, risky = 0, undeliverable = 0;
        for (var r : results) {
            switch (r.verdict()) {
                case DELIVERABLE_UNKNOWN -> unknown++;
                case RISKY -> risky++;
                case UNDELIVERABLE -> undeliverable++;
            }
        }
        return new VerificationSummary(results.size(), unknown, risky, undeliverable, domains);
    }

    VerificationSummary plus(VerificationSummary other) {
        return new VerificationSummary(total + other.total, deliverableUnknown + other.deliverableUnknown,
                risky + other.risky, undeliverable + other.undeliverable, other.domains);
    }
}
