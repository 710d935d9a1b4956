package dev.suppression.console;

import dev.suppression.access.ApiKeyRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session whose key has since been revoked or has expired. The secret was checked once at sign-in;
 * what is checked here is the key's id, so revoking a key locks its holders out of the console at their next click.
 */
final class RevokedKeyFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RevokedKeyFilter.class);

    private final ApiKeyRegistry registry;

    RevokedKeyFilter(ApiKeyRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ConsoleOperator operator
                && !registry.isUsable(operator.keyId())) {
            log.info("Ended the console session of '{}': key '{}' is revoked or expired", operator.person(),
                    operator.keyName());
            SecurityContextHolder.clearContext();
            var session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/console/sign-in?revoked");
            return;
        }
        chain.doFilter(request, response);
    }
}
