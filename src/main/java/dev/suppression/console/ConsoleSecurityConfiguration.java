package dev.suppression.console;

import dev.suppression.access.ApiKeyRegistry;
import dev.suppression.access.Role;
import jakarta.servlet.DispatcherType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * The console's own filter chain, before the API's: a session that holds who signed in, CSRF tokens on every form,
 * and a Content-Security-Policy that allows nothing but this service's own style sheet and script. The API chain stays
 * stateless and keyed per request; a console session never authenticates an API call.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

    /**
     * No inline scripts, fonts, frames or other origins: plain HTML with one style sheet and one script file, which
     * only adds conveniences (the copy button) to pages that work without it.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain consoleSecurity(HttpSecurity http, ApiKeyRegistry registry) throws Exception {
        var denied = new AccessDeniedHandlerImpl();
        denied.setErrorPage(ConsolePaths.DENIED);
        http.securityMatcher("/console", "/console/**")
                .authenticationManager(new ConsoleSignIn(registry))
                .authorizeHttpRequests(a -> a
                        // The denied page is reached by a forward from the handler above, already judged.
                        .dispatcherTypeMatchers(DispatcherType.FORWARD, DispatcherType.ERROR).permitAll()
                        .requestMatchers(ConsolePaths.SIGN_IN, ConsolePaths.STYLE_SHEET, ConsolePaths.SCRIPT,
                                ConsolePaths.DENIED).permitAll()
                        .requestMatchers("/console/admin/**").access(operatorHas(Role.ADMIN))
                        .anyRequest().access(operatorHas(Role.OPS)))
                .formLogin(f -> f
                        .loginPage(ConsolePaths.SIGN_IN)
                        .loginProcessingUrl(ConsolePaths.SIGN_IN)
                        .usernameParameter("name")
                        .passwordParameter("key")
                        .defaultSuccessUrl(ConsolePaths.ADDRESS)
                        // Only the message goes into the session: an exception may carry the attempt, secret and all.
                        .failureHandler((request, response, exception) -> {
                            request.getSession().setAttribute(SignInPage.REFUSAL, exception.getMessage());
                            response.sendRedirect(request.getContextPath() + ConsolePaths.SIGN_IN + "?refused");
                        }))
                .logout(l -> l
                        .logoutUrl(ConsolePaths.SIGN_OUT)
                        .logoutSuccessUrl(ConsolePaths.SIGN_IN + "?signed-out"))
                .exceptionHandling(e -> e.accessDeniedHandler(denied))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(new RevokedKeyFilter(registry), AuthorizationFilter.class);
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> operatorHas(Role role) {
        return (authentication, context) -> {
            var auth = authentication.get();
            return new AuthorizationDecision(auth != null && auth.getPrincipal() instanceof ConsoleOperator operator
                    && operator.has(role));
        };
    }
}
