package dev.suppression.access;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.TestDatabase;
import dev.suppression.support.Api;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Someone must be able to administer a new installation, and only through a key that is stored as a hash:
 * the configured bootstrap key, or, when none is configured and no key exists, one generated and logged once.
 * Each scenario starts the service on the run's test database but in a schema of its own, which its
 * migrations create, so that "no key exists yet" really holds while other tests share the default schema.
 */
class BootstrapAdminKeyTests {

    private static final Pattern GENERATED_SECRET = Pattern.compile("sk_live_[0-9A-Za-z]{33}");
    private static final String GENERATED_WARNING =
            "No API key existed and SUPPRESSION_BOOTSTRAP_ADMIN_KEY is not set, so an admin key was generated";

    @Nested
    @ExtendWith(OutputCaptureExtension.class)
    @SpringBootTest(properties = {
            "suppression.security.bootstrap-admin-key=",
            "suppression.scheduling.enabled=false",
            "spring.datasource.hikari.schema=bootstrap_generated",
            "spring.flyway.schemas=bootstrap_generated",
            "spring.jpa.properties.hibernate.default_schema=bootstrap_generated",
            "spring.datasource.hikari.maximum-pool-size=4"})
    @AutoConfigureMockMvc
    @Import(TestDatabase.class)
    class WithoutAConfiguredKeyOnAnEmptyDatabase {

        @Autowired
        JdbcClient jdbc;

        @Autowired
        MockMvcTester mvc;

        @Autowired
        BootstrapAdminKey bootstrap;

        @Test
        void oneAdminKeyIsGeneratedAndItsSecretLoggedWithAWarning(CapturedOutput output) {
            var logged = GENERATED_SECRET.matcher(output.getAll()).results().map(MatchResult::group).toList();

            assertThat(output.getAll().lines().filter(line -> line.contains(GENERATED_WARNING)))
                    .singleElement().asString().contains("WARN");
            assertThat(logged).as("the secret, shown once").hasSize(1);
            assertThat(keys()).singleElement().satisfies(key -> {
                assertThat(key.get("name")).isEqualTo("bootstrap-admin");
                assertThat(key.get("roles")).isEqualTo("ADMIN");
                assertThat(key.get("secret_hash")).isEqualTo(sha256Hex(logged.getFirst()));
            });
        }

        @Test
        void theLoggedKeyAdministersTheService(CapturedOutput output) {
            var secret = GENERATED_SECRET.matcher(output.getAll()).results().map(MatchResult::group).findFirst().orElseThrow();

            var result = mvc.get().uri("/api-keys").header(HttpHeaders.AUTHORIZATION, "Bearer " + secret).exchange();

            assertThat(result).hasStatusOk();
            assertThat(Api.body(result).at("/items/0/name").asString()).isEqualTo("bootstrap-admin");
        }

        @Test
        void aRestartNeitherGeneratesNorLogsASecondKey(CapturedOutput output) {
            bootstrap.run(new DefaultApplicationArguments());

            assertThat(keys()).hasSize(1);
            assertThat(output.getAll().lines().filter(line -> line.contains(GENERATED_WARNING))).hasSize(1);
        }

        private List<Map<String, Object>> keys() {
            return jdbc.sql("select * from api_key").query().listOfRows();
        }
    }

    @Nested
    @ExtendWith(OutputCaptureExtension.class)
    @SpringBootTest(properties = {
            "suppression.security.bootstrap-admin-key=" + WithAConfiguredKey.CONFIGURED,
            "suppression.scheduling.enabled=false",
            "spring.datasource.hikari.schema=bootstrap_configured",
            "spring.flyway.schemas=bootstrap_configured",
            "spring.jpa.properties.hibernate.default_schema=bootstrap_configured",
            "spring.datasource.hikari.maximum-pool-size=4"})
    @AutoConfigureMockMvc
    @Import(TestDatabase.class)
    class WithAConfiguredKey {

        static final String CONFIGURED = "sk_live_ConfiguredBootstrapKey0123456789abcdef";

        @Autowired
        JdbcClient jdbc;

        @Autowired
        BootstrapAdminKey bootstrap;

        @Autowired
        ApiKeyRegistry registry;

        @Autowired
        MockMvcTester mvc;

        @Test
        void theConfiguredKeyIsStoredAsAHashAndNoOtherIsGenerated(CapturedOutput output) {
            assertThat(output.getAll()).doesNotContain(GENERATED_WARNING).doesNotContain(CONFIGURED);
            assertThat(jdbc.sql("select * from api_key").query().listOfRows()).singleElement().satisfies(key -> {
                assertThat(key.get("name")).isEqualTo("bootstrap-admin");
                assertThat(key.get("roles")).isEqualTo("ADMIN");
                assertThat(key.get("secret_hash")).isEqualTo(sha256Hex(CONFIGURED));
            });
        }

        @Test
        void aRestartStoresItOnlyOnce() {
            bootstrap.run(new DefaultApplicationArguments());
            bootstrap.run(new DefaultApplicationArguments());

            assertThat(jdbc.sql("select count(*) from api_key where secret_hash = :hash")
                    .param("hash", sha256Hex(CONFIGURED)).query(Integer.class).single()).isEqualTo(1);
        }

        @Test
        void aRevokedBootstrapKeyStaysRevokedAfterARestart() {
            var stored = registry.list().stream().filter(key -> key.name().equals("bootstrap-admin")).findFirst().orElseThrow();
            registry.revoke(stored.id());

            bootstrap.run(new DefaultApplicationArguments());

            var result = mvc.get().uri("/api-keys").header(HttpHeaders.AUTHORIZATION, "Bearer " + CONFIGURED).exchange();
            assertThat(result).hasStatus(401);
            assertThat(registry.list()).singleElement().satisfies(key -> assertThat(key.active()).isFalse());
        }
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
