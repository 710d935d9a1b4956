package dev.suppression.access;

import dev.suppression.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/** Stateless API-key security: every endpoint behind the role {@link EndpointRoles} names for it. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Addresses may contain '%' (user%relay@host), which the default firewall refuses when encoded. */
    @Bean
    HttpFirewall httpFirewall() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowUrlEncodedPercent(true);
        return firewall;
    }

    /** What the firewall refuses is still answered with a problem a person can act on. */
    /**
     * No user names or passwords exist here: API keys are the only credentials. Declaring this stops Spring
     * Boot from generating an in-memory user and logging its password at every start.
     */
    @Bean
    UserDetailsService noPasswordUsers() {
        return username -> {
            throw new UsernameNotFoundException("this service has no password users; use an API key");
        };
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, rejected) -> problems.write(response, HttpStatus.BAD_REQUEST, "Request rejected",
                "The request has characters in its URL or headers that the service refuses (control characters, "
                        + "encoded slashes, dots or NUL). Send a plain URL and printable header values.", request);
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ApiKeyRegistry registry, ProblemWriter problems,
                                    AccessSettings access, RateLimitSettings rateLimits) throws Exception {
        var endpoints = new EndpointRoles(access);
        AuthorizationManager<RequestAuthorizationContext> byEndpoint = (authentication, context) -> {
            var requirement = endpoints.requirementFor(context.getRequest());
            var auth = authentication.get();
            var principal = auth != null && auth.getPrincipal() instanceof ApiKeyPrincipal key ? key : null;
            return new AuthorizationDecision(switch (requirement) {
                case EndpointRoles.Requirement.Public p -> true;
                case EndpointRoles.Requirement.AnyKey a -> principal != null;
                case EndpointRoles.Requirement.NeedsRole(var role) -> principal != null && principal.has(role);
            });
        };
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(registry, problems), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new RateLimitFilter(endpoints, rateLimits, problems), AuthorizationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().access(byEndpoint))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"suppression-service\"");
                            problems.write(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
                                    "This endpoint needs an API key: send 'Authorization: Bearer <key>'.", request);
                        })
                        .accessDeniedHandler((request, response, ex) -> problems.write(response, HttpStatus.FORBIDDEN,
                                "Forbidden", "This API key lacks the role this endpoint needs ("
                                        + endpoints.roleFor(request).map(Role::wireName).orElse("a valid key")
                                        + "). Ask an admin for a key with that role.", request)));
        return http.build();
    }
}
