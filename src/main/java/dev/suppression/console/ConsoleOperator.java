package dev.suppression.console;

import dev.suppression.access.Role;
import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.Set;
import java.util.UUID;

/**
 * Who is signed in to the console: the identity of the API key they signed in with (never its secret) and the
 * person's name. {@link #getName()} is the key's name, so {@code Actor.from(person)} records
 * {@code key (person)}, exactly as an API call with {@code X-Actor: person} does.
 */
record ConsoleOperator(UUID keyId, String keyName, Set<Role> roles, String person) implements Principal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public String getName() {
        return keyName;
    }

    public boolean has(Role role) {
        return roles.contains(Role.ADMIN) || roles.contains(role);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }
}
