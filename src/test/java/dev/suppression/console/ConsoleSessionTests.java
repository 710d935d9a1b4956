package dev.suppression.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import dev.suppression.access.ApiKeyRegistry;
import dev.suppression.access.Role;
import dev.suppression.support.IntegrationTest;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** The console's session rules, through the real filter chains: what a session holds, and what it may not do. */
@IntegrationTest
class ConsoleSessionTests {

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiKeyRegistry registry;

    /** A browser: no API key on any request. */
    MockMvcTester browser;

    @BeforeEach
    void browseWithoutAKey() {
        browser = MockMvcTester.create(MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build());
    }

    private String keyWith(Set<Role> roles) {
        return registry.create("console-test-" + roles, EnumSet.copyOf(roles), null, false).secret();
    }

    private MockHttpSession signIn(String secret, String person) {
        var session = new MockHttpSession();
        var result = browser.post().uri("/console/sign-in").session(session).with(csrf())
                .param("name", person).param("key", secret).exchange();
        assertThat(result).hasStatus3xxRedirection();
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    @Test
    void theSessionHoldsTheKeysIdentityAndThePersonNeverTheSecret() {
        var secret = keyWith(Set.of(Role.OPS));

        var session = signIn(secret, "Grace Hopper");

        var securityContext = (SecurityContext) session.getAttribute(
                HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(securityContext.getAuthentication().getCredentials()).isNull();
        assertThat(securityContext.getAuthentication().getPrincipal())
                .isInstanceOfSatisfying(ConsoleOperator.class, operator -> {
                    assertThat(operator.person()).isEqualTo("Grace Hopper");
                    assertThat(operator.keyName()).isEqualTo("console-test-[OPS]");
                });
        for (var name : Collections.list(session.getAttributeNames())) {
            assertThat(String.valueOf(session.getAttribute(name))).as(name).doesNotContain(secret);
        }
    }

    @Test
    void aCheckOnlyKeyIsRefusedWithTheRoleItNeeds() {
        var session = new MockHttpSession();
        var refused = browser.post().uri("/console/sign-in").session(session).with(csrf())
                .param("name", "Mallory").param("key", keyWith(Set.of(Role.CHECK))).exchange();
        assertThat(refused).hasStatus3xxRedirection().hasRedirectedUrl("/console/sign-in?refused");

        var page = browser.get().uri("/console/sign-in?refused").session(session).exchange();

        assertThat(page).hasStatusOk().bodyText().contains("has the role check only")
                .contains("needs a key with the ops role");
        assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNull();
    }

    @Test
    void aPageNeedsASignInFirst() {
        assertThat(browser.get().uri("/console/address").exchange()).hasStatus3xxRedirection()
                .redirectedUrl().endsWith("/console/sign-in");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenChangesNothing() {
        var session = signIn(keyWith(Set.of(Role.OPS)), "Grace Hopper");

        var result = browser.post().uri("/console/address/suppress").session(session)
                .param("address", "csrf@console-csrf.example").param("reason", "forged").exchange();

        // The refusal page itself is rendered by a forward, which MockMvc records but does not follow.
        assertThat(result).hasStatus(403).hasForwardedUrl("/console/denied");
        assertThat(browser.get().uri("/console/address?q=csrf@console-csrf.example").session(session).exchange())
                .bodyText().contains("Not suppressed");
    }

    @Test
    void aConsoleSessionNeverAuthenticatesAnApiCall() {
        var session = signIn(keyWith(Set.of(Role.OPS)), "Grace Hopper");

        assertThat(browser.get().uri("/suppressions").session(session).exchange()).hasStatus(401);
    }

    @Test
    void anOpsKeyMayNotOpenTheKeyAdministration() {
        var session = signIn(keyWith(Set.of(Role.OPS)), "Grace Hopper");

        assertThat(browser.get().uri("/console/admin/keys").session(session).exchange())
                .hasStatus(403).hasForwardedUrl("/console/denied");
    }

    @Test
    void revokingTheKeyEndsItsConsoleSessions() {
        var created = registry.create("console-revoked", EnumSet.of(Role.OPS), null, false);
        var session = signIn(created.secret(), "Grace Hopper");

        registry.revoke(created.key().id());

        assertThat(browser.get().uri("/console/address").session(session).exchange())
                .hasStatus3xxRedirection().hasRedirectedUrl("/console/sign-in?revoked");
    }

    @Test
    void theExportLinkServesTheSameCsvAsTheApi() {
        var session = signIn(keyWith(Set.of(Role.OPS)), "Grace Hopper");

        var csv = browser.get().uri("/console/suppressions/export.csv").session(session).exchange();

        assertThat(csv).hasStatusOk().hasContentType("text/csv;charset=UTF-8").bodyText()
                .startsWith("address,reason,since,classification\n");
    }

    @Test
    void everyConsolePageForbidsScriptsAndOtherOrigins() {
        var page = browser.get().uri("/console/sign-in").exchange();

        assertThat(page).hasStatusOk().headers().hasValue("Content-Security-Policy",
                ConsoleSecurityConfiguration.CONTENT_SECURITY_POLICY);
        assertThat(page.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
    }
}
