package dev.suppression.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown: on SIGTERM the requests already in flight finish and are stored, new connections are
 * refused, and the process exits on its own within the shutdown timeout.
 */
class GracefulShutdownTests {

    static PostgresServer database;

    @BeforeAll
    static void startDatabase() {
        database = PostgresServer.startFresh("graceful-postgres");
    }

    @AfterAll
    static void stopDatabase() {
        database.close();
    }

    @Test
    void onSigtermTheBatchInFlightCompletesAndIsStoredWhileNewConnectionsAreRefused() throws Exception {
        var domain = Bounces.uniqueDomain("graceful");
        var prefix = "graceful-" + UUID.randomUUID() + "-";
        try (var service = ServiceProcess.start("graceful", database);
             var holder = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            var http = service.http();
            assertThat(http.postBounces(Bounces.userUnknown("first@" + domain, prefix + "first")).status()).isEqualTo(200);

            // Hold the domain's row lock, which every hard bounce for it takes first: the batch below is then
            // provably in flight, inside its transaction, when SIGTERM arrives, for as long as the test needs.
            holder.setAutoCommit(false);
            try (var lock = holder.prepareStatement("select domain from recipient_domain where domain = ? for update")) {
                lock.setString(1, domain);
                assertThat(lock.executeQuery().next()).isTrue();
            }
            var events = new ArrayList<String>();
            for (int i = 0; i < 1000; i++) {
                events.add(Bounces.userUnknown("user" + i + "@" + domain, prefix + i));
            }
            var inFlight = http.postBouncesInBackground(Bounces.batch(events));
            database.awaitSessionBlockedOnALock(inFlight);

            service.terminate();
            var refusedAfter = awaitNewConnectionsRefused(http, service);
            assertThat(inFlight).as("still in flight while new connections are refused").isNotDone();
            holder.rollback();

            var answer = inFlight.get(60, TimeUnit.SECONDS);
            var exit = service.awaitExit(Duration.ofSeconds(45));

            assertThat(refusedAfter).isLessThan(Duration.ofSeconds(10));
            assertThat(answer.status()).as("answered %s", answer).isEqualTo(200);
            assertThat(answer.json().get("accepted").intValue()).isEqualTo(1000);
            assertThat(exit).as("exited by itself within the graceful timeout%n%s", service.logTail()).isPresent();
            assertThat(exit.getAsInt()).as("exit code (143 = 128 + SIGTERM)").isIn(0, 143);
            assertThat(service.logText()).contains("Graceful shutdown complete");
            assertThat(database.jdbc().sql("select count(*) from bounce_event where event_id like ?")
                    .param(prefix + "%").query(Integer.class).single()).isEqualTo(1001);
            assertThat(database.jdbc().sql("select count(*) from suppression where domain = ? and active")
                    .param(domain).query(Integer.class).single()).isEqualTo(1001);
        }
    }

    /**
     * Opens brand-new connections until one is refused (or answered 503), which shows shutdown has begun;
     * returns how long that took. An answer of 200 on a new connection fails the test only once refusal was
     * seen, because before the JVM handles SIGTERM the service is, correctly, still serving.
     */
    private static Duration awaitNewConnectionsRefused(RealHttp http, ServiceProcess service) {
        var start = System.nanoTime();
        var deadline = start + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try {
                var reply = http.freshClient().get("/suppressions/someone@" + Bounces.uniqueDomain("after-sigterm"));
                if (reply.status() == 503) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (IOException refused) {
                assertThat(service.isAlive()).as("refused by the draining service, not by a dead one").isTrue();
                return Duration.ofNanos(System.nanoTime() - start);
            }
            ServiceProcess.sleep(Duration.ofMillis(50));
        }
        return fail("New connections were still served 20 s after SIGTERM%n%s", service.logTail());
    }
}
