package dev.suppression.recipientdomain;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The domains a transaction holds locked, each with its pause state as the lock read it: counting a batch under
 * the lock needs no second read of the same rows.
 */
public final class LockedDomains {

    static final LockedDomains NONE = new LockedDomains(Map.of());

    private final Map<String, DomainRows.PauseState> states;

    LockedDomains(Map<String, DomainRows.PauseState> states) {
        this.states = Map.copyOf(states);
    }

    /** The state of a locked domain, or null when this transaction did not lock it. */
    DomainRows.@Nullable PauseState state(String domain) {
        return states.get(domain);
    }
}
