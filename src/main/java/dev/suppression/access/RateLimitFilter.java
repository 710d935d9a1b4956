package dev.suppression.access;

import dev.suppression.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-key token buckets, one per role an endpoint needs, answering 429 with Retry-After when a bucket is
 * empty. Buckets live per instance: with N instances behind a balancer a key gets at most N times its rate,
 * which is what a limit against runaway scripts needs; exact global quotas would cost a database write per
 * request.
 */
class RateLimitFilter extends OncePerRequestFilter {

    private final EndpointRoles endpoints;
    private final RateLimitSettings settings;
    private final ProblemWriter problems;
    private final Map<BucketKey, TokenBucket> buckets = new ConcurrentHashMap<>();

    RateLimitFilter(EndpointRoles endpoints, RateLimitSettings settings, ProblemWriter problems) {
        this.endpoints = endpoints;
        this.settings = settings;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var role = endpoints.roleFor(request);
        if (authentication == null || !(authentication.getPrincipal() instanceof ApiKeyPrincipal key) || role.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        var limit = settings.forRole(role.get());
        if (!limit.enabled()) {
            chain.doFilter(request, response);
            return;
        }
        var bucket = buckets.computeIfAbsent(new BucketKey(key.id(), role.get()),
                k -> new TokenBucket(limit.requestsPerSecond(), limit.burst()));
        var waitSeconds = bucket.tryTake(System.nanoTime());
        if (waitSeconds > 0) {
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(waitSeconds));
            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                    "The key '" + key.name() + "' exceeded its " + role.get().wireName() + " rate limit of "
                            + limit.requestsPerSecond() + " requests per second (burst " + limit.burst()
                            + "). Retry after " + waitSeconds + " seconds.", request);
            return;
        }
        chain.doFilter(request, response);
    }

    private record BucketKey(UUID keyId, Role role) { }

    /** A classic token bucket; returns 0 when a token was taken, else the whole seconds until one is there. */
    static final class TokenBucket {
        private final double perNano;
        private final double capacity;
        private double tokens;
        private long last;

        TokenBucket(double perSecond, int capacity) {
            this.perNano = perSecond / 1e9;
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = System.nanoTime();
        }

        synchronized long tryTake(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * perNano);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }
    }
}
