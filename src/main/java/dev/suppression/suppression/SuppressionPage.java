package dev.suppression.suppression;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** One keyset page of active suppressions; {@code nextCursor} is null on the last page. */
public record SuppressionPage(List<SuppressionDetails> items, @Nullable String nextCursor) {
}
