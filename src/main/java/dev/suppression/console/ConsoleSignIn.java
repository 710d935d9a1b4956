package dev.suppression.console;

import dev.suppression.access.ApiKeyRegistry;
import dev.suppression.access.ApiKeySecret;
import dev.suppression.access.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Checks the sign-in form once: the person's name, and an API key that must hold the ops role (or admin). The
 * authentication kept in the session carries the key's identity and no credentials.
 */
final class ConsoleSignIn implements AuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSignIn.class);
    static final int MAX_NAME_LENGTH = 100;

    private final ApiKeyRegistry registry;

    ConsoleSignIn(ApiKeyRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        var person = attempt.getName() == null ? "" : attempt.getName().replaceAll("\\p{Cntrl}", "").strip();
        if (person.isEmpty() || person.length() > MAX_NAME_LENGTH) {
            throw new BadCredentialsException("Give your name (at most " + MAX_NAME_LENGTH
                    + " characters): the history records it on every change you make.");
        }
        var secret = attempt.getCredentials() instanceof String s ? s.strip() : "";
        if (secret.isEmpty()) {
            throw new BadCredentialsException("Paste an API key with the ops role (or admin).");
        }
        try {
            var key = registry.authenticate(secret).orElseThrow(() -> {
                log.info("Console sign-in by '{}' refused: unknown, revoked or expired key {}", person,
                        new ApiKeySecret(secret));
                return new BadCredentialsException(
                        "This API key is unknown, revoked or expired. Ask an admin for a key with the ops role.");
            });
            if (!key.has(Role.OPS)) {
                log.info("Console sign-in by '{}' refused: key '{}' lacks the ops role", person, key.name());
                throw new RoleNeededException(key.name(), key.roles());
            }
            var operator = new ConsoleOperator(key.id(), key.name(), key.roles(), person);
            var authorities = key.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
            log.info("Console sign-in by '{}' with key '{}'", person, key.name());
            return UsernamePasswordAuthenticationToken.authenticated(operator, null, authorities);
        } catch (DataAccessException | CannotCreateTransactionException e) {
            log.warn("Cannot check a console sign-in, the database is unavailable: {}", e.getMessage());
            throw new AuthenticationServiceException(
                    "The key cannot be checked because the database is unavailable. Try again in a few seconds.", e);
        }
    }
}
