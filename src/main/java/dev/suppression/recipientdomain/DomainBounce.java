package dev.suppression.recipientdomain;

import dev.suppression.address.DomainName;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One hard bounce as the domain cluster counts it: which address at which domain, when, and the evidence. */
public record DomainBounce(DomainName domain, String address, Instant occurredAt, @Nullable String response,
                           @Nullable String rejectingHost) {
}
