package dev.suppression.access;

import dev.suppression.web.BadRequestException;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Key management, for admins. */
@RestController
class ApiKeyController {

    private final ApiKeyRegistry registry;

    ApiKeyController(ApiKeyRegistry registry) {
        this.registry = registry;
    }

    @PostMapping("/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    ApiKeyRegistry.CreatedKey create(@RequestBody CreateKeyRequest request) {
        if (request.name() == null || request.name().isBlank() || request.name().length() > 100
                || request.name().chars().anyMatch(Character::isISOControl)) {
            throw new BadRequestException("'name' is required (at most 100 characters): it names the key in the history.");
        }
        if (request.roles() == null || request.roles().isEmpty()) {
            throw new BadRequestException("'roles' is required: a list of check, ingest, ops, admin.");
        }
        var roles = EnumSet.noneOf(Role.class);
        for (var role : request.roles()) {
            try {
                roles.add(Role.fromWire(role == null ? "" : role));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
        }
        if (request.expiresAt() != null && (!request.expiresAt().isAfter(Instant.now())
                || request.expiresAt().isAfter(Instant.parse("9999-12-31T23:59:59Z")))) {
            throw new BadRequestException("'expiresAt' must lie in the future, and before the year 10000.");
        }
        var live = request.environment() == null || request.environment().equalsIgnoreCase("live");
        if (!live && !request.environment().equalsIgnoreCase("test")) {
            throw new BadRequestException("'environment' must be \"live\" or \"test\".");
        }
        return registry.create(request.name().strip(), roles, request.expiresAt(), live);
    }

    @GetMapping("/api-keys")
    KeyList list() {
        return new KeyList(registry.list());
    }

    @DeleteMapping("/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        registry.revoke(id);
    }

    /** Handled here, before the shared advice's catch-all would answer 500. */
    @ExceptionHandler(ApiKeyNotFoundException.class)
    ProblemDetail notFound(ApiKeyNotFoundException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        problem.setTitle("API key not found");
        problem.setType(URI.create("about:blank"));
        return problem;
    }

    record CreateKeyRequest(@Nullable String name, @Nullable List<@Nullable String> roles,
                            @Nullable Instant expiresAt, @Nullable String environment) { }

    record KeyList(List<ApiKeyRegistry.KeyView> items) { }
}
