package dev.suppression.access;

import dev.suppression.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads {@code Authorization: Bearer <key>}: a valid key becomes the request's principal; a key that is
 * unknown, revoked or expired is refused with 401 at once. Without the header the request goes on
 * anonymous, and the authorization rules decide.
 */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyAuthenticationFilter.class);
    private static final String BEARER = "bearer ";

    private final ApiKeyRegistry registry;
    private final ProblemWriter problems;

    ApiKeyAuthenticationFilter(ApiKeyRegistry registry, ProblemWriter problems) {
        this.registry = registry;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        // Other schemes (Basic credentials of a Postmark or SparkPost webhook) are not ours to judge: the request
        // goes on without a key, and a protected endpoint then answers 401 asking for a Bearer key.
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        if (header.length() <= BEARER.length()) {
            unauthorized(request, response, "Send the API key as 'Authorization: Bearer <key>'.");
            return;
        }
        var secret = header.substring(BEARER.length()).strip();
        try {
            var principal = registry.authenticate(secret);
            if (principal.isEmpty()) {
                log.info("Refused an unknown, revoked or expired API key {} from {} for {} {}",
                        new ApiKeySecret(secret), request.getRemoteAddr(), request.getMethod(), request.getRequestURI());
                unauthorized(request, response,
                        "The API key is unknown, revoked or expired. Ask an admin for a valid key.");
                return;
            }
            var key = principal.get();
            var authorities = key.roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
            var authentication = UsernamePasswordAuthenticationToken.authenticated(key, null, authorities);
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication);
            SecurityContextHolder.setContext(context);
        } catch (DataAccessException | CannotCreateTransactionException e) {
            log.warn("Cannot check an API key, the database is unavailable: {}", e.getMessage());
            response.setHeader(HttpHeaders.RETRY_AFTER, "5");
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                    "The API key cannot be checked because the database is unavailable. Retry after 5 seconds.", request);
            return;
        }
        chain.doFilter(request, response);
    }

    private void unauthorized(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"suppression-service\"");
        problems.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized", detail, request);
    }
}
