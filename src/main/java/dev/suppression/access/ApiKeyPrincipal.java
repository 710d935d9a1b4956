package dev.suppression.access;

import java.security.Principal;
import java.util.Set;
import java.util.UUID;

/** The key a request was made with: its id (for rate limits), name (the actor in the history) and roles. */
public record ApiKeyPrincipal(UUID id, String name, Set<Role> roles) implements Principal {

    /** The key's name: what the history records as the actor. */
    @Override
    public String getName() {
        return name;
    }

    public boolean has(Role role) {
        return roles.contains(Role.ADMIN) || roles.contains(role);
    }
}
