package dev.suppression.diagnosis;

import org.jspecify.annotations.Nullable;

/** One host of a domain's mail route, with who runs it. */
public record MxHost(int preference, String host, RejectorRole role, @Nullable String vendor) {
}
