package dev.suppression.recipientdomain;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** Bounces arriving at once must come out exactly as if they had arrived one by one. */
@IntegrationTest
class ConcurrentBounceTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;
    ExecutorService pool;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
        pool = Executors.newFixedThreadPool(24);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    @Test
    void twentyFourDistinctAddressesPostedInParallelGiveOnePauseAndAnExactCount() throws Exception {
        var domain = uniqueDomain("parallel");
        var results = runAllAtOnce(24, i -> api.hardBounce("user" + i + "@" + domain));

        assertThat(results).allSatisfy(r -> assertThat(r.get("accepted").intValue()).isEqualTo(1));
        var view = api.domain(domain);
        assertThat(view.get("distinctAddresses").intValue()).isEqualTo(24);
        assertThat(view.get("paused").booleanValue()).isTrue();
        assertThat(jdbc.sql("select count(*) from domain_change where domain = ? and action = 'PAUSED'")
                .param(domain).query(Integer.class).single()).as("exactly one pause").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from suppression where domain = ? and active")
                .param(domain).query(Integer.class).single()).isEqualTo(24);
    }

    @Test
    void theSameEventIdPostedInParallelIsAcceptedExactlyOnce() throws Exception {
        var address = "once@" + uniqueDomain("parallel-dup");
        var eventId = "evt-" + UUID.randomUUID();
        var event = """
                {"recipient": "%s", "enhancedCode": "5.1.1", "eventId": "%s"}
                """.formatted(address, eventId);

        var results = runAllAtOnce(16, i -> api.ingest(event));

        assertThat(results.stream().mapToInt(r -> r.get("accepted").intValue()).sum()).isEqualTo(1);
        assertThat(results.stream().mapToInt(r -> r.get("duplicates").intValue()).sum()).isEqualTo(15);
        assertThat(jdbc.sql("select count(*) from bounce_event where event_id = ?").param(eventId)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from suppression_change where address = ?").param(address)
                .query(Integer.class).single()).as("one SUPPRESSED entry").isEqualTo(1);
    }

    @Test
    void overlappingBatchesAcrossDomainsNeitherDeadlockNorMiscount() throws Exception {
        var domainA = uniqueDomain("overlap-a");
        var domainB = uniqueDomain("overlap-b");
        // Each batch touches both domains, in opposite orders, so naive locking would deadlock.
        var results = runAllAtOnce(12, i -> api.ingest(i % 2 == 0
                ? """
                  [{"recipient": "a%1$d@%2$s", "enhancedCode": "5.1.1"}, {"recipient": "b%1$d@%3$s", "enhancedCode": "5.1.1"}]
                  """.formatted(i, domainA, domainB)
                : """
                  [{"recipient": "b%1$d@%3$s", "enhancedCode": "5.1.1"}, {"recipient": "a%1$d@%2$s", "enhancedCode": "5.1.1"}]
                  """.formatted(i, domainA, domainB)));

        assertThat(results.stream().mapToInt(r -> r.get("accepted").intValue()).sum()).isEqualTo(24);
        assertThat(api.domain(domainA).get("distinctAddresses").intValue()).isEqualTo(12);
        assertThat(api.domain(domainB).get("distinctAddresses").intValue()).isEqualTo(12);
        assertThat(jdbc.sql("select count(*) from domain_change where domain in (?, ?) and action = 'PAUSED'")
                .params(domainA, domainB).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void batchesRepeatingTheSameAddressesAtSeveralDomainsNeitherDeadlockNorMiscount() throws Exception {
        // Every batch writes the same (domain, address) rows before it takes its domain locks; each batch lists
        // them in its own order, so only a consistent order of both kinds of wait keeps them from deadlocking.
        var domains = List.of(uniqueDomain("repeat-a"), uniqueDomain("repeat-b"), uniqueDomain("repeat-c"));
        var addresses = new ArrayList<String>();
        for (var domain : domains) {
            for (int n = 0; n < 5; n++) {
                addresses.add("shared" + n + "@" + domain);
            }
        }
        var results = runAllAtOnce(16, i -> {
            var order = new ArrayList<>(addresses);
            java.util.Collections.rotate(order, i * 4);
            if (i % 2 == 1) {
                java.util.Collections.reverse(order);
            }
            var events = order.stream().map(a -> "{\"recipient\": \"" + a + "\", \"enhancedCode\": \"5.1.1\"}").toList();
            return api.ingest("[" + String.join(", ", events) + "]");
        });

        assertThat(results.stream().mapToInt(r -> r.get("accepted").intValue()).sum()).isEqualTo(16 * 15);
        for (var domain : domains) {
            assertThat(api.domain(domain).get("distinctAddresses").intValue()).as(domain).isEqualTo(5);
            assertThat(jdbc.sql("select count(*) from domain_change where domain = ? and action = 'PAUSED'")
                    .param(domain).query(Integer.class).single()).as("one pause of " + domain).isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from domain_bounced_address where domain = ?")
                    .param(domain).query(Integer.class).single()).isEqualTo(5);
        }
        assertThat(jdbc.sql("select count(*) from suppression_change where address = any(?) and action = 'SUPPRESSED'")
                .param(addresses.toArray(String[]::new)).query(Integer.class).single())
                .as("each address suppressed once").isEqualTo(15);
    }

    @Test
    void aClearRacingANewBounceEndsInOneOfTheTwoSerialOutcomes() throws Exception {
        for (int round = 0; round < 5; round++) {
            var address = "race@" + uniqueDomain("clear-race");
            api.hardBounce(address);

            var start = new CountDownLatch(1);
            Future<?> clear = pool.submit(() -> {
                start.await();
                return api.clear(address, "mailbox recreated", false).getResponse().getStatus();
            });
            Future<?> bounce = pool.submit(() -> {
                start.await();
                return api.hardBounce(address);
            });
            start.countDown();
            assertThat(clear.get()).isEqualTo(200);
            bounce.get();

            var check = api.check(address);
            var actions = jdbc.sql("select action from suppression_change where address = ? order by id")
                    .param(address).query(String.class).list();
            if (actions.equals(List.of("SUPPRESSED", "CLEARED"))) {
                // bounce first (evidence only: already suppressed), then the clear
                assertThat(check.get("verdict").stringValue()).isEqualTo("ALLOW");
                assertThat(check.get("probation").booleanValue()).isTrue();
            } else {
                // clear first, then the bounce re-suppressed during probation
                assertThat(actions).containsExactly("SUPPRESSED", "CLEARED", "RESUPPRESSED");
                assertThat(check.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
            }
        }
    }

    private <T> List<T> runAllAtOnce(int tasks, IndexedTask<T> task) throws Exception {
        var start = new CountDownLatch(1);
        var futures = new ArrayList<Future<T>>();
        for (int i = 0; i < tasks; i++) {
            int index = i;
            Callable<T> call = () -> {
                start.await();
                return task.run(index);
            };
            futures.add(pool.submit(call));
        }
        start.countDown();
        var results = new ArrayList<T>();
        for (var f : futures) {
            results.add(f.get());
        }
        return results;
    }

    @FunctionalInterface
    interface IndexedTask<T> {
        T run(int index) throws Exception;
    }
}
