package dev.suppression.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import dev.suppression.support.OpenApiContract;
import dev.suppression.support.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Who may call what: every operation of {@code openapi.yaml} behind the role it declares in
 * {@code x-required-role}, and the life of an API key from creation to revocation.
 */
@IntegrationTest
class AccessControlTests {

    /** Calls without a key unless a test sends one; the autowired MockMvcTester would send the admin key. */
    MockMvcTester client;

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiKeyRegistry registry;

    @BeforeEach
    void callWithoutAKeyByDefault() {
        client = MockMvcTester.create(MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build());
    }

    /** The protected operations as the contract declares them, each with the role it needs. */
    record Operation(String method, String pathTemplate, Role role) {

        static Stream<Operation> inTheContract() {
            var spec = YAMLMapper.builder().build().readTree(OpenApiContract.readServiceSpec());
            var operations = new ArrayList<Operation>();
            for (var path : spec.path("paths").properties()) {
                for (var operation : path.getValue().properties()) {
                    var role = operation.getValue().path("x-required-role");
                    if (role.isString()) {
                        operations.add(new Operation(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                                Role.fromWire(role.asString())));
                    }
                }
            }
            return operations.stream();
        }

        /** The path with a sample value for each parameter; a new kind of parameter needs a sample here. */
        String samplePath() {
            var matcher = Pattern.compile("\\{([^}]+)}").matcher(pathTemplate);
            var path = new StringBuilder();
            while (matcher.find()) {
                var sample = switch (matcher.group(1)) {
                    case "address" -> "walk@" + Api.uniqueDomain("access");
                    case "domain" -> Api.uniqueDomain("access");
                    case "id" -> UUID.randomUUID().toString();
                    case "provider" -> "sendgrid";
                    default -> throw new AssertionError("No sample value for {" + matcher.group(1) + "} in "
                            + pathTemplate + "; add one to AccessControlTests.Operation.samplePath");
                };
                matcher.appendReplacement(path, Matcher.quoteReplacement(sample));
            }
            return matcher.appendTail(path).toString();
        }

        /** The roles that must be refused: every one but the operation's own and admin. */
        Set<Role> otherRoles() {
            return EnumSet.complementOf(EnumSet.of(role, Role.ADMIN));
        }

        @Override
        public String toString() {
            return method + " " + pathTemplate + " needs " + role.wireName();
        }
    }

    static Stream<Operation> protectedOperations() {
        return Operation.inTheContract();
    }

    @Nested
    class TheContract {

        @Test
        void declaresARoleForEveryOperationButTheProbesItselfAndProviderSignedWebhooks() {
            var spec = YAMLMapper.builder().build().readTree(OpenApiContract.readServiceSpec());
            var open = new ArrayList<String>();
            for (var path : spec.path("paths").properties()) {
                for (var operation : path.getValue().properties()) {
                    if (operation.getValue().isObject() && !operation.getValue().has("x-required-role")) {
                        open.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                        assertThat(operation.getValue().path("security").isArray()
                                && operation.getValue().path("security").isEmpty())
                                .as("%s %s has no x-required-role, so it must declare security: []",
                                        operation.getKey(), path.getKey())
                                .isTrue();
                    }
                }
            }

            assertThat(open).containsExactlyInAnyOrder("GET /openapi.yaml", "GET /actuator/health/liveness",
                    "GET /actuator/health/readiness", "POST /webhooks/{provider}");
            assertThat(spec.at("/security/0").propertyNames()).containsExactly("bearerAuth");
            assertThat(spec.at("/components/securitySchemes/bearerAuth/scheme").asString()).isEqualTo("bearer");
        }
    }

    @Nested
    class EveryProtectedOperation {

        @Autowired
        AccessSettings access;

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.suppression.access.AccessControlTests#protectedOperations")
        void namesTheRoleTheServiceEnforces(Operation operation) {
            var endpoints = new EndpointRoles(access);
            var request = new MockHttpServletRequest(operation.method(), operation.samplePath());

            assertThat(endpoints.requirementFor(request)).isEqualTo(new EndpointRoles.Requirement.NeedsRole(operation.role()));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.suppression.access.AccessControlTests#protectedOperations")
        void answers401WithoutAKey(Operation operation) {
            var result = call(operation, null);

            assertUnauthorized(operation, result);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.suppression.access.AccessControlTests#protectedOperations")
        void answers401ToARevokedKeyOfTheRightRole(Operation operation) {
            var created = registry.create("revoked-" + operation.role().wireName(), Set.of(operation.role()), null, false);
            registry.revoke(created.key().id());

            var result = call(operation, created.secret());

            assertUnauthorized(operation, result);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.suppression.access.AccessControlTests#protectedOperations")
        void answers403ToAKeyOfEachOtherRole(Operation operation) {
            for (var other : operation.otherRoles()) {
                var result = call(operation, keyWith(other));

                assertThat(result).as("%s with a %s key", operation, other.wireName()).hasStatus(403)
                        .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
                OpenApiContract.assertMatches(operation.method(), operation.pathTemplate(), result);
                assertThat(Api.body(result).get("detail").asString()).contains(operation.role().wireName());
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.suppression.access.AccessControlTests#protectedOperations")
        void servesAKeyWithItsRole(Operation operation) {
            var result = call(operation, keyWith(operation.role()));

            assertThat(result.getResponse().getStatus()).as(operation.toString()).isNotIn(401, 403);
            OpenApiContract.assertMatches(operation.method(), operation.pathTemplate(), result);
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.suppression.access.AccessControlTests#protectedOperations")
        void neverForbidsAnAdminKey(Operation operation) {
            var result = call(operation, keyWith(Role.ADMIN));

            assertThat(result.getResponse().getStatus()).as(operation.toString()).isNotIn(401, 403);
            OpenApiContract.assertMatches(operation.method(), operation.pathTemplate(), result);
        }

        /** Bodies are a bare {@code {}}: enough to pass the access rules, whatever the endpoint then makes of it. */
        private MvcTestResult call(Operation operation, @Nullable String key) {
            var request = client.method(HttpMethod.valueOf(operation.method())).uri(operation.samplePath());
            if (operation.method().equals("POST") || operation.method().equals("PUT")) {
                request.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
            if (key != null) {
                request.header(HttpHeaders.AUTHORIZATION, "Bearer " + key);
            }
            return request.exchange();
        }

        private static void assertUnauthorized(Operation operation, MvcTestResult result) {
            assertThat(result).as(operation.toString()).hasStatus(401)
                    .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
            OpenApiContract.assertMatches(operation.method(), operation.pathTemplate(), result);
        }
    }

    @Nested
    class CreatingAKey {

        @Test
        void showsItsSecretOnceWithALivePrefixAndAtLeast128RandomBits() {
            var result = createKey("""
                    {"name": "mailer-prod", "roles": ["check", "ingest"]}""");

            var body = expect(201, "POST", "/api-keys", result);
            var secret = body.get("secret").asString();
            assertThat(secret).matches("sk_live_[0-9A-Za-z]+");
            assertThat(randomBits(secret.substring("sk_live_".length()))).isGreaterThanOrEqualTo(128);
            assertThat(body.at("/key/name").asString()).isEqualTo("mailer-prod");
            assertThat(body.at("/key/roles").valueStream().map(JsonNode::asString)).containsExactly("check", "ingest");
            assertThat(body.at("/key/prefix").asString()).isEqualTo(secret.substring(0, 12));
            assertThat(body.at("/key/active").asBoolean()).isTrue();
            assertThat(body.at("/key/lastUsedAt").isNull()).isTrue();
        }

        @Test
        void aTestKeyHasATestPrefix() {
            var body = expect(201, "POST", "/api-keys", createKey("""
                    {"name": "staging-mailer", "roles": ["check"], "environment": "test"}"""));

            assertThat(body.get("secret").asString()).matches("sk_test_[0-9A-Za-z]{22,}");
        }

        @Test
        void everyKeyGetsItsOwnSecret() {
            var first = expect(201, "POST", "/api-keys", createKey("{\"name\": \"twin\", \"roles\": [\"ops\"]}"));
            var second = expect(201, "POST", "/api-keys", createKey("{\"name\": \"twin\", \"roles\": [\"ops\"]}"));

            assertThat(first.get("secret").asString()).isNotEqualTo(second.get("secret").asString());
            assertThat(first.at("/key/id").asString()).isNotEqualTo(second.at("/key/id").asString());
        }

        @Test
        void theNewKeyWorksAtOnceForItsRole() {
            var secret = expect(201, "POST", "/api-keys", createKey("""
                    {"name": "checker", "roles": ["check"]}""")).get("secret").asString();

            var result = client.get().uri("/suppressions/{address}", "fresh@" + Api.uniqueDomain("access"))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + secret).exchange();

            expect(200, "GET", "/suppressions/{address}", result);
        }

        @Test
        void aKeyThatExpiresTomorrowWorksToday() {
            var expiresAt = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
            var body = expect(201, "POST", "/api-keys", createKey("""
                    {"name": "temp-ops", "roles": ["ops"], "expiresAt": "%s"}""".formatted(expiresAt)));

            var result = client.get().uri("/domains").param("paused", "true")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + body.get("secret").asString()).exchange();

            assertThat(Instant.parse(body.at("/key/expiresAt").asString())).isEqualTo(expiresAt);
            expect(200, "GET", "/domains", result);
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"ops", "check", "ingest"})
        void needsAnAdminKey(String role) {
            var name = "self-made-" + UUID.randomUUID();

            var result = createKey("{\"name\": \"" + name + "\", \"roles\": [\"admin\"]}", keyWith(Role.fromWire(role)));

            expect(403, "POST", "/api-keys", result);
            assertThat(registry.list()).noneMatch(key -> key.name().equals(name));
        }

        static Stream<Arguments> badRequests() {
            return Stream.of(
                    Arguments.of("no name", "{\"roles\": [\"ops\"]}", "'name' is required"),
                    Arguments.of("a blank name", "{\"name\": \"  \", \"roles\": [\"ops\"]}", "'name' is required"),
                    Arguments.of("a name over 100 characters", "{\"name\": \"" + "n".repeat(101) + "\", \"roles\": [\"ops\"]}",
                            "at most 100 characters"),
                    Arguments.of("no roles", "{\"name\": \"x\"}", "'roles' is required"),
                    Arguments.of("empty roles", "{\"name\": \"x\", \"roles\": []}", "'roles' is required"),
                    Arguments.of("an unknown role", "{\"name\": \"x\", \"roles\": [\"ops\", \"superuser\"]}",
                            "unknown role 'superuser'"),
                    Arguments.of("an expiry in the past",
                            "{\"name\": \"x\", \"roles\": [\"ops\"], \"expiresAt\": \"2020-01-01T00:00:00Z\"}",
                            "'expiresAt' must lie in the future"),
                    Arguments.of("an unknown environment",
                            "{\"name\": \"x\", \"roles\": [\"ops\"], \"environment\": \"staging\"}",
                            "'environment' must be \"live\" or \"test\""),
                    Arguments.of("a body that is not JSON", "name=x&roles=ops", "not valid JSON"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("badRequests")
        void aBadRequestIs400AndSaysWhy(String description, String body, String why) {
            var problem = expect(400, "POST", "/api-keys", createKey(body));

            assertThat(problem.get("detail").asString()).contains(why);
        }

        @Test
        void anExpiryThatIsNotATimestampIs400() {
            var result = createKey("{\"name\": \"x\", \"roles\": [\"ops\"], \"expiresAt\": \"tomorrow\"}");

            expect(400, "POST", "/api-keys", result);
        }
    }

    @Nested
    class StoringKeys {

        @Autowired
        JdbcClient jdbc;

        @Test
        void onlyTheHashOfTheSecretIsStored() {
            var created = expect(201, "POST", "/api-keys", createKey("{\"name\": \"hashed\", \"roles\": [\"ops\"]}"));
            var secret = created.get("secret").asString();

            var row = jdbc.sql("select * from api_key where id = :id")
                    .param("id", UUID.fromString(created.at("/key/id").asString())).query().singleRow();

            assertThat(row.get("secret_hash")).isEqualTo(sha256Hex(secret));
            assertThat(row.get("prefix")).isEqualTo(secret.substring(0, 12));
            assertThat(row.values()).allSatisfy(value -> assertThat(String.valueOf(value)).doesNotContain(secret));
        }

        @Test
        void theListNeverShowsSecretsOrHashes() {
            var created = expect(201, "POST", "/api-keys", createKey("{\"name\": \"listed\", \"roles\": [\"ops\"]}"));
            var secret = created.get("secret").asString();
            var id = created.at("/key/id").asString();

            var result = client.get().uri("/api-keys").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.ADMIN).exchange();

            var list = expect(200, "GET", "/api-keys", result);
            assertThat(result).bodyText().doesNotContain(secret).doesNotContain(sha256Hex(secret))
                    .doesNotContain(secret.substring(12));
            var listed = list.get("items").valueStream().filter(key -> key.get("id").asString().equals(id)).findFirst();
            assertThat(listed).hasValueSatisfying(key -> {
                assertThat(key.get("name").asString()).isEqualTo("listed");
                assertThat(key.propertyNames()).containsExactlyInAnyOrder("id", "name", "roles", "prefix", "createdAt",
                        "lastUsedAt", "expiresAt", "revokedAt", "active");
            });
        }

        @Test
        void lastUsedAtIsSetWhenTheKeyIsUsed() {
            var created = expect(201, "POST", "/api-keys", createKey("{\"name\": \"used\", \"roles\": [\"check\"]}"));
            var id = created.at("/key/id").asString();
            var before = Instant.now();

            expect(200, "GET", "/suppressions/{address}", client.get()
                    .uri("/suppressions/{address}", "someone@" + Api.uniqueDomain("access"))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + created.get("secret").asString()).exchange());

            var listed = expect(200, "GET", "/api-keys", client.get().uri("/api-keys")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.ADMIN).exchange())
                    .get("items").valueStream().filter(key -> key.get("id").asString().equals(id)).findFirst()
                    .orElseThrow();
            assertThat(created.at("/key/lastUsedAt").isNull()).isTrue();
            assertThat(Instant.parse(listed.get("lastUsedAt").asString()))
                    .isBetween(before.minusSeconds(1), Instant.now().plusSeconds(1));
        }
    }

    @Nested
    class RefusingKeys {

        @Test
        void aRevokedKeyIsRefusedAtOnce() {
            var created = expect(201, "POST", "/api-keys", createKey("{\"name\": \"leaked\", \"roles\": [\"ops\"]}"));
            var secret = created.get("secret").asString();
            var id = created.at("/key/id").asString();
            expect(200, "GET", "/suppressions", listSuppressions(secret));

            var revoked = client.delete().uri("/api-keys/{id}", id)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.ADMIN).exchange();

            expect(204, "DELETE", "/api-keys/{id}", revoked);
            var refused = listSuppressions(secret);
            var problem = expect(401, "GET", "/suppressions", refused);
            assertThat(refused.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
            assertThat(problem.get("detail").asString()).contains("revoked");
            assertThat(registry.list()).filteredOn(key -> key.id().toString().equals(id)).singleElement()
                    .satisfies(key -> {
                        assertThat(key.active()).isFalse();
                        assertThat(key.revokedAt()).isNotNull();
                    });
        }

        @Test
        void anExpiredKeyIsRefused() {
            var expired = registry.create("expired", Set.of(Role.OPS), Instant.now().minusSeconds(1), false);

            var refused = listSuppressions(expired.secret());

            var problem = expect(401, "GET", "/suppressions", refused);
            assertThat(refused.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
            assertThat(problem.get("detail").asString()).contains("expired");
        }

        @ParameterizedTest(name = "Authorization: {0}")
        @ValueSource(strings = {"Basic b3BzOnNlY3JldA==", "Bearer", "Bearer ", "Token " + TestKeys.ADMIN, TestKeys.ADMIN})
        void aMalformedAuthorizationHeaderIsRefused(String authorization) {
            var result = check(authorization);

            var problem = expect(401, "GET", "/suppressions/{address}", result);
            assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
            assertThat(problem.get("detail").asString()).contains("'Authorization: Bearer <key>'");
        }

        @Test
        void aKeyThisServiceNeverIssuedIsRefused() {
            var result = check("Bearer sk_live_NoSuchKey00000000000000000000000000");

            var problem = expect(401, "GET", "/suppressions/{address}", result);
            assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
            assertThat(problem.get("detail").asString()).contains("unknown");
        }

        private MvcTestResult check(String authorization) {
            return client.get().uri("/suppressions/{address}", "someone@" + Api.uniqueDomain("access"))
                    .header(HttpHeaders.AUTHORIZATION, authorization).exchange();
        }

        @Test
        void revokingAnUnknownKeyIs404() {
            var id = UUID.randomUUID();

            var result = client.delete().uri("/api-keys/{id}", id)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.ADMIN).exchange();

            var problem = expect(404, "DELETE", "/api-keys/{id}", result);
            assertThat(problem.get("detail").asString()).contains(id.toString());
        }

        @Test
        void revokingAnIdThatIsNotAUuidIs400() {
            var result = client.delete().uri("/api-keys/{id}", "not-a-uuid")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestKeys.ADMIN).exchange();

            var problem = expect(400, "DELETE", "/api-keys/{id}", result);
            assertThat(problem.get("detail").asString()).contains("id");
        }

        private MvcTestResult listSuppressions(String key) {
            return client.get().uri("/suppressions").param("limit", "1")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + key).exchange();
        }
    }

    @Nested
    class OpenEndpoints {

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"/actuator/health/liveness", "/actuator/health/readiness"})
        void healthProbesStayOpenWithoutAKey(String probe) {
            var result = client.get().uri(probe).exchange();

            var health = expect(200, "GET", probe, result);
            assertThat(health.get("status").asString()).isEqualTo("UP");
        }

        @Test
        void theContractIsOpenByDefault() {
            var result = client.get().uri("/openapi.yaml").exchange();

            assertThat(result).hasStatusOk();
            OpenApiContract.assertMatches("GET", "/openapi.yaml", result);
        }
    }

    @Nested
    class TheActorInTheHistory {

        @Test
        void isTheKeysName() {
            var address = "actor@" + Api.uniqueDomain("access");
            var key = createdKey("ops-runbook", "ops");

            suppressManually(address, key, null);

            assertThat(lastActor(address, key)).isEqualTo("ops-runbook");
        }

        @Test
        void isTheKeysNameAndThePersonAnXActorHeaderNames() {
            var address = "actor@" + Api.uniqueDomain("access");
            var key = createdKey("ops-runbook", "ops");

            suppressManually(address, key, "alice");

            assertThat(lastActor(address, key)).isEqualTo("ops-runbook (alice)");
        }

        private void suppressManually(String address, String key, @Nullable String person) {
            var request = client.put().uri("/suppressions/{address}", address)
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"asked by phone\"}");
            if (person != null) {
                request.header("X-Actor", person);
            }
            expect(200, "PUT", "/suppressions/{address}", request.exchange());
        }

        private String lastActor(String address, String key) {
            var history = expect(200, "GET", "/suppressions/{address}/history", client.get()
                    .uri("/suppressions/{address}/history", address).header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                    .exchange());
            var entries = history.get("entries");
            assertThat(entries.get(entries.size() - 1).get("type").asString()).isEqualTo("MANUAL_SUPPRESSED");
            return entries.get(entries.size() - 1).get("actor").asString();
        }
    }

    private MvcTestResult createKey(String json) {
        return createKey(json, TestKeys.ADMIN);
    }

    private MvcTestResult createKey(String json, String key) {
        return client.post().uri("/api-keys").header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    /** Creates a key through the API, as an admin would, and returns its secret. */
    private String createdKey(String name, String role) {
        return expect(201, "POST", "/api-keys",
                createKey("{\"name\": \"" + name + "\", \"roles\": [\"" + role + "\"]}")).get("secret").asString();
    }

    private String keyWith(Role role) {
        return registry.create(role.wireName() + "-key", Set.of(role), null, false).secret();
    }

    /** Asserts the status, holds the response to the contract, and returns its JSON body (missing when empty). */
    private static JsonNode expect(int status, String method, String pathTemplate, MvcTestResult result) {
        assertThat(result).hasStatus(status);
        OpenApiContract.assertMatches(method, pathTemplate, result);
        return result.getResponse().getContentAsByteArray().length == 0 ? MissingNode.getInstance() : Api.body(result);
    }

    /** The entropy of a string of base-62 characters, each drawn uniformly. */
    private static double randomBits(String randomPart) {
        assertThat(randomPart).matches("[0-9A-Za-z]+");
        return randomPart.length() * Math.log(62) / Math.log(2);
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
