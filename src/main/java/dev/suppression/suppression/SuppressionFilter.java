package dev.suppression.suppression;

import dev.suppression.address.DomainName;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which active suppressions a list page shows; every part is optional.
 *
 * @param domain      only addresses at this domain
 * @param reason      only suppressions for this reason
 * @param sinceFrom   only suppressions made at or after this instant
 * @param sinceBefore only suppressions made before this instant
 */
public record SuppressionFilter(@Nullable DomainName domain, @Nullable SuppressionReason reason,
                                @Nullable Instant sinceFrom, @Nullable Instant sinceBefore) {

    public static SuppressionFilter atDomain(@Nullable DomainName domain) {
        return new SuppressionFilter(domain, null, null, null);
    }
}
