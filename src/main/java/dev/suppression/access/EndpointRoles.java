package dev.suppression.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The one table of which role each endpoint needs. First match wins; an endpoint not listed needs any
 * valid key (and then answers 404 if it does not exist).
 */
final class EndpointRoles {

    /** What a request needs: nothing (public), a role, or just any valid key. */
    sealed interface Requirement {
        record Public() implements Requirement { }
        record NeedsRole(Role role) implements Requirement { }
        record AnyKey() implements Requirement { }
    }

    private record Rule(@org.jspecify.annotations.Nullable HttpMethod method, PathPattern pattern, Requirement requirement) { }

    private final List<Rule> rules;

    EndpointRoles(AccessSettings settings) {
        var parser = PathPatternParser.defaultInstance;
        var ops = new Requirement.NeedsRole(Role.OPS);
        rules = List.of(
                new Rule(null, parser.parse("/actuator/health/**"), new Requirement.Public()),
                new Rule(null, parser.parse("/error"), new Requirement.Public()),
                new Rule(null, parser.parse("/openapi.yaml"),
                        settings.publicApiDocs() ? new Requirement.Public() : new Requirement.AnyKey()),
                new Rule(null, parser.parse("/actuator/prometheus"),
                        settings.publicMetrics() ? new Requirement.Public() : ops),
                new Rule(null, parser.parse("/api-keys/**"), new Requirement.NeedsRole(Role.ADMIN)),
                // Every provider adapter authenticates its requests by the provider's own signature or credentials.
                new Rule(HttpMethod.POST, parser.parse("/webhooks/{provider}"), new Requirement.Public()),
                new Rule(HttpMethod.POST, parser.parse("/bounces"), new Requirement.NeedsRole(Role.INGEST)),
                new Rule(HttpMethod.POST, parser.parse("/bounces/dsn"), new Requirement.NeedsRole(Role.INGEST)),
                new Rule(HttpMethod.POST, parser.parse("/suppressions/check"), new Requirement.NeedsRole(Role.CHECK)),
                new Rule(HttpMethod.POST, parser.parse("/verify"), new Requirement.NeedsRole(Role.CHECK)),
                new Rule(HttpMethod.POST, parser.parse("/sends"), new Requirement.NeedsRole(Role.INGEST)),
                new Rule(null, parser.parse("/stats/**"), ops),
                new Rule(HttpMethod.GET, parser.parse("/suppressions/export"), ops),
                new Rule(HttpMethod.GET, parser.parse("/suppressions/{address}"), new Requirement.NeedsRole(Role.CHECK)),
                new Rule(null, parser.parse("/suppressions/**"), ops),
                new Rule(null, parser.parse("/domains/**"), ops),
                new Rule(null, parser.parse("/providers/**"), ops),
                new Rule(null, parser.parse("/bounces/**"), ops),
                new Rule(null, parser.parse("/actuator/**"), ops));
    }

    Requirement requirementFor(HttpServletRequest request) {
        var path = PathContainer.parsePath(request.getRequestURI().substring(request.getContextPath().length()));
        for (var rule : rules) {
            if ((rule.method() == null || rule.method().matches(request.getMethod())) && rule.pattern().matches(path)) {
                return rule.requirement();
            }
        }
        return new Requirement.AnyKey();
    }

    /** The role whose rate limit a request counts against, if it needs one. */
    Optional<Role> roleFor(HttpServletRequest request) {
        return requirementFor(request) instanceof Requirement.NeedsRole(var role) ? Optional.of(role) : Optional.empty();
    }
}
