package dev.suppression.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;

/**
 * Rule tests call as the bootstrap admin by default, so they read as the rule they specify; the access
 * tests build their own MockMvc to call without a key or with keys of other roles.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSecurity {

    @Bean
    MockMvcBuilderCustomizer callAsAdminByDefault() {
        return builder -> builder.defaultRequest(get("/").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.ADMIN));
    }
}
