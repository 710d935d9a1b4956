package dev.suppression.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Actuator endpoints answer some errors (an unknown health group: 404) with no body; give those a problem too,
 * so every error the service sends is problem+json.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class EmptyErrorBodyFilter extends OncePerRequestFilter {

    private final ProblemWriter problems;

    EmptyErrorBodyFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/actuator");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var wrapper = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, wrapper);
        if (wrapper.getStatus() >= 400 && wrapper.getContentSize() == 0 && !response.isCommitted()) {
            var status = HttpStatus.resolve(wrapper.getStatus());
            if (status != null && status != HttpStatus.SERVICE_UNAVAILABLE) {
                problems.write(response, status, status.getReasonPhrase(),
                        "No such operations endpoint: " + request.getRequestURI()
                                + ". The probes are /actuator/health/liveness and /actuator/health/readiness.", request);
                return;
            }
        }
        wrapper.copyBodyToResponse();
    }
}
