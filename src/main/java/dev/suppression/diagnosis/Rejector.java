package dev.suppression.diagnosis;

import org.jspecify.annotations.Nullable;

/** Who refused a message: the host (when one is known), its role on the path and its vendor. */
public record Rejector(@Nullable String host, RejectorRole role, @Nullable String vendor) {
}
