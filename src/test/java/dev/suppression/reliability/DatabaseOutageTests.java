package dev.suppression.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.suppression.reliability.RealHttp.Reply;
import java.io.IOException;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fail safe: with its database gone the service never guesses (a guessed ALLOW mails a dead address), stores
 * nothing half-written, reports itself not ready while staying alive, and recovers by itself when the
 * database returns. The database is really stopped and started again under the running service.
 */
class DatabaseOutageTests {

    private static final int BATCH = 300;

    static PostgresServer database;
    static InProcessService service;
    static RealHttp http;
    static JdbcClient jdbc;

    @BeforeAll
    static void startDatabaseAndService() {
        database = PostgresServer.startFresh("outage-postgres");
        service = InProcessService.on(database);
        http = service.http();
        jdbc = database.jdbc();
    }

    @AfterAll
    static void stopServiceAndDatabase() {
        if (service != null) {
            service.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** Every test starts from a running database and a service that has recovered from any earlier outage. */
    @AfterEach
    void databaseIsBackAndServiceRecovered() throws IOException {
        database.start();
        awaitCheckAnswers200("anyone@" + Bounces.uniqueDomain("recovered"), Duration.ofSeconds(30));
    }

    @Test
    void whileTheDatabaseIsDownTheCheckAnswers503WithRetryAfterAndNeverAGuessedAllow() throws IOException {
        var suppressed = "gone@" + Bounces.uniqueDomain("outage-check");
        var neverSeen = "fine@" + Bounces.uniqueDomain("outage-check");
        assertThat(http.postBounces(Bounces.userUnknown(suppressed, "evt-" + UUID.randomUUID())).status()).isEqualTo(200);
        assertThat(http.check(suppressed).json().get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(http.check(neverSeen).json().get("verdict").stringValue()).isEqualTo("ALLOW");

        database.stop();

        // Across more than the 5 s key cache, so both paths are covered: a cached key reaching the check,
        // and a key that has to be looked up again.
        var stoppedAt = System.nanoTime();
        var answers = new ArrayList<Reply>();
        do {
            answers.add(http.check(neverSeen));
            answers.add(http.check(suppressed));
        } while (System.nanoTime() - stoppedAt < TimeUnit.SECONDS.toNanos(7));

        assertThat(answers).allSatisfy(DatabaseOutageTests::assertDatabaseUnavailableProblem);
    }

    @Test
    void whileTheDatabaseIsDownIngestionAnswers503AndKeepsNothingSoARetryIsAcceptedOnce() throws IOException {
        var address = "late@" + Bounces.uniqueDomain("outage-ingest");
        var eventId = "evt-" + UUID.randomUUID();
        var event = Bounces.userUnknown(address, eventId);

        database.stop();
        var duringOutage = http.postBounces(event);
        database.start();
        awaitCheckAnswers200(address, Duration.ofSeconds(30));

        assertDatabaseUnavailableProblem(duringOutage);
        assertThat(storedCopies(eventId)).as("nothing of the refused post was stored").isZero();
        assertThat(jdbc.sql("select count(*) from suppression where address = ?").param(address)
                .query(Integer.class).single()).isZero();
        assertThat(http.check(address).json().get("verdict").stringValue()).isEqualTo("ALLOW");

        var retry = http.postBounces(event).json();
        var secondRetry = http.postBounces(event).json();

        assertThat(retry.get("accepted").intValue()).isEqualTo(1);
        assertThat(secondRetry.get("accepted").intValue()).isZero();
        assertThat(secondRetry.get("duplicates").intValue()).isEqualTo(1);
        assertThat(storedCopies(eventId)).isEqualTo(1);
        assertThat(http.check(address).json().get("verdict").stringValue()).isEqualTo("SUPPRESSED");
    }

    @Test
    void whileTheDatabaseIsDownReadinessIsDownAndLivenessStaysUp() throws IOException {
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);

        database.stop();
        var readiness = http.get("/actuator/health/readiness");
        var liveness = http.get("/actuator/health/liveness");

        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().get("status").stringValue()).isEqualTo("DOWN");
        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().get("status").stringValue()).isEqualTo("UP");
    }

    @Test
    void whenTheDatabaseReturnsTheServiceRecoversByItselfWithItsDataIntact() throws IOException {
        var address = "kept@" + Bounces.uniqueDomain("outage-recover");
        assertThat(http.postBounces(Bounces.userUnknown(address, "evt-" + UUID.randomUUID())).status()).isEqualTo(200);
        database.stop();
        assertThat(http.check(address).status()).isEqualTo(503);

        database.start();
        var restartedAt = System.nanoTime();
        var check = awaitCheckAnswers200(address, Duration.ofSeconds(30));
        var recoveredIn = Duration.ofNanos(System.nanoTime() - restartedAt);

        assertThat(recoveredIn).as("recovered without a restart, within seconds").isLessThan(Duration.ofSeconds(15));
        assertThat(check.json().get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(awaitStatus("/actuator/health/readiness", 200, Duration.ofSeconds(15)).json()
                .get("status").stringValue()).isEqualTo("UP");
        var another = "after@" + Bounces.uniqueDomain("outage-recover");
        assertThat(http.postBounces(Bounces.userUnknown(another, "evt-" + UUID.randomUUID())).json()
                .get("accepted").intValue()).isEqualTo(1);
    }

    @Test
    void aBatchCutOffMidTransactionByTheOutageLeavesNothingBehind() throws Exception {
        var run = Bounces.uniqueDomain("outage-cut");
        var prefix = "cut-" + UUID.randomUUID() + "-";
        var events = new ArrayList<String>();
        for (int i = 0; i < BATCH; i++) {
            events.add(Bounces.userUnknown("user@n" + i + "." + run, prefix + "%04d".formatted(i)));
        }
        var batch = Bounces.batch(events);
        var lastEventId = prefix + "%04d".formatted(BATCH - 1);

        Reply answer;
        try (var holder = DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password())) {
            // An uncommitted row with the batch's last event id: the batch stores its events in event-id order,
            // so it writes everything before that one and then waits for this transaction. The outage then
            // provably hits the batch in the middle of its transaction.
            holder.setAutoCommit(false);
            try (var insert = holder.prepareStatement("""
                    insert into bounce_event (event_id, recipient, recipient_domain, classification, origin,
                        occurred_at, counts_toward_cluster)
                    values (?, 'blocker@blocker.example', 'blocker.example', 'USER_UNKNOWN', 'RECIPIENT', now(), false)
                    """)) {
                insert.setString(1, lastEventId);
                insert.executeUpdate();
            }
            var inFlight = http.postBouncesInBackground(batch);
            database.awaitSessionBlockedOnALock(inFlight);

            database.stop();
            answer = inFlight.get(60, TimeUnit.SECONDS);
        } finally {
            database.start();
        }
        awaitCheckAnswers200("anyone@" + Bounces.uniqueDomain("outage-cut"), Duration.ofSeconds(30));

        assertDatabaseUnavailableProblem(answer);
        assertThat(jdbc.sql("select count(*) from bounce_event where event_id like ?").param(prefix + "%")
                .query(Integer.class).single()).as("no event of the cut-off batch").isZero();
        assertThat(jdbc.sql("select count(*) from suppression where domain like ?").param("%." + run)
                .query(Integer.class).single()).as("no suppression of the cut-off batch").isZero();
        assertThat(jdbc.sql("select count(*) from recipient_domain where domain like ?").param("%." + run)
                .query(Integer.class).single()).as("no domain row of the cut-off batch").isZero();

        var retry = http.postBounces(batch).json();

        assertThat(retry.get("accepted").intValue()).isEqualTo(BATCH);
        assertThat(jdbc.sql("select count(*), count(distinct event_id) from bounce_event where event_id like ?")
                .param(prefix + "%").query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single())
                .as("each event stored exactly once").containsExactly(BATCH, BATCH);
    }

    private static void assertDatabaseUnavailableProblem(Reply reply) {
        assertThat(reply.status()).as("answered %s", reply).isEqualTo(503);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.header("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
        var problem = reply.json();
        assertThat(problem.get("status").intValue()).isEqualTo(503);
        assertThat(problem.get("title").stringValue()).isEqualTo("Database unavailable");
        assertThat(problem.get("detail").stringValue()).contains("Retry after");
        assertThat(problem.has("verdict")).isFalse();
        assertThat(problem.has("mayMail")).isFalse();
    }

    private static int storedCopies(String eventId) {
        return jdbc.sql("select count(*) from bounce_event where event_id = ?").param(eventId)
                .query(Integer.class).single();
    }

    private static Reply awaitCheckAnswers200(String address, Duration timeout) throws IOException {
        return awaitStatus("/suppressions/" + address, 200, timeout);
    }

    private static Reply awaitStatus(String path, int status, Duration timeout) throws IOException {
        var deadline = System.nanoTime() + timeout.toNanos();
        Reply last;
        do {
            last = http.get(path);
            if (last.status() == status) {
                return last;
            }
            assertThat(last.status()).as("while recovering: %s", last).isEqualTo(503);
            ServiceProcess.sleep(Duration.ofMillis(100));
        } while (System.nanoTime() < deadline);
        return fail("%s did not answer %d within %s; last answer %s", path, status, timeout, last);
    }
}
