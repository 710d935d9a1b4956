package dev.suppression.suppression;

import dev.suppression.recipientdomain.DomainStatus;
import org.jspecify.annotations.Nullable;

/** The answer senders get before each send. */
public record CheckView(String address, boolean mayMail, Verdict verdict, boolean probation,
                        @Nullable SuppressionDetails suppression, DomainStatus domain) {
}
