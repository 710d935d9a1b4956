package dev.suppression.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import dev.suppression.support.OpenApiContract;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Per-key token buckets: a key that sends faster than its role allows gets 429 with Retry-After, other keys
 * go on, and the check before each send is never limited unless configured. The ingest bucket here holds two
 * requests and refills one every five seconds, so a quick burst of three always meets an empty bucket.
 */
@IntegrationTest
@TestPropertySource(properties = {
        "suppression.rate-limit.ingest.requests-per-second=0.2",
        "suppression.rate-limit.ingest.burst=2",
        "spring.datasource.hikari.maximum-pool-size=4"})
class RateLimitTests {

    MockMvcTester client;

    @Autowired
    WebApplicationContext context;

    @Autowired
    ApiKeyRegistry registry;

    @BeforeEach
    void callWithoutAKeyByDefault() {
        client = MockMvcTester.create(MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build());
    }

    @Test
    void aBurstBeyondTheBucketIs429WithRetryAfter() {
        var key = keyWith(Role.INGEST);
        var domain = Api.uniqueDomain("ratelimit");

        var first = postBounce(key, "a@" + domain);
        var second = postBounce(key, "b@" + domain);
        var third = postBounce(key, "c@" + domain);

        assertThat(first).hasStatusOk();
        assertThat(second).hasStatusOk();
        assertThat(third).hasStatus(429).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        OpenApiContract.assertMatches("POST", "/bounces", third);
        assertThat(Integer.parseInt(third.getResponse().getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1, 5);
        assertThat(Api.body(third).get("detail").asString()).contains("ingest rate limit").contains("Retry after");
    }

    @Test
    void aRefusedBurstIsNotStored() {
        var key = keyWith(Role.INGEST);
        var address = "refused@" + Api.uniqueDomain("ratelimit");
        postBounce(key, "a@" + Api.uniqueDomain("ratelimit"));
        postBounce(key, "b@" + Api.uniqueDomain("ratelimit"));

        assertThat(postBounce(key, address)).hasStatus(429);

        var check = client.get().uri("/suppressions/{address}", address)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + keyWith(Role.CHECK)).exchange();
        assertThat(Api.body(check).get("verdict").asString()).isEqualTo("ALLOW");
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        var busy = keyWith(Role.INGEST);
        var quiet = keyWith(Role.INGEST);
        var domain = Api.uniqueDomain("ratelimit");
        IntStream.range(0, 3).forEach(i -> postBounce(busy, "busy" + i + "@" + domain));
        assertThat(postBounce(busy, "busy@" + domain)).hasStatus(429);

        var result = postBounce(quiet, "quiet@" + domain);

        assertThat(result).hasStatusOk();
        OpenApiContract.assertMatches("POST", "/bounces", result);
    }

    @Test
    void theCheckIsNotLimitedByDefault() {
        var key = keyWith(Role.CHECK);
        var domain = Api.uniqueDomain("ratelimit");

        var statuses = IntStream.range(0, 100).mapToObj(i -> client.get()
                        .uri("/suppressions/{address}", "user" + i + "@" + domain)
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + key).exchange().getResponse().getStatus())
                .toList();

        assertThat(statuses).containsOnly(200);
    }

    private MvcTestResult postBounce(String key, String address) {
        return client.post().uri("/bounces").header(HttpHeaders.AUTHORIZATION, "Bearer " + key)
                .contentType(MediaType.APPLICATION_JSON).content(Api.userUnknown(address)).exchange();
    }

    private String keyWith(Role role) {
        return registry.create(role.wireName() + "-rate-limited", Set.of(role), null, false).secret();
    }
}
