package dev.suppression.console;

import dev.suppression.access.Role;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.AuthenticationException;

/** A valid key that may not use the console: it lacks the ops role (and admin, which includes it). */
class RoleNeededException extends AuthenticationException {

    RoleNeededException(String keyName, Set<Role> roles) {
        super("The key '" + keyName + "' has the role " + roles.stream().map(Role::wireName).sorted()
                .collect(Collectors.joining(", ")) + " only; the console needs a key with the ops role (or admin). "
                + "Ask an admin for an ops key.");
    }
}
