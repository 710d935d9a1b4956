package dev.suppression.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledged means durable: {@code POST /bounces} answers 200 only after its transaction committed, so a
 * service process killed with SIGKILL in the middle of a stream has lost no acknowledged event, and a sender
 * that retries everything it is unsure of gets each event stored exactly once.
 */
class KillNineTests {

    private static final Logger log = LoggerFactory.getLogger(KillNineTests.class);
    private static final int SENDERS = 4;

    static PostgresServer database;
    static ExecutorService senders;

    @BeforeAll
    static void startDatabase() {
        database = PostgresServer.startFresh("kill-nine-postgres");
        senders = Executors.newFixedThreadPool(SENDERS);
    }

    @AfterAll
    static void stopDatabase() {
        senders.shutdownNow();
        database.close();
    }

    @Test
    void everyAcknowledgedEventSurvivesSigkillAndRetriesStoreEachEventExactlyOnce() throws Exception {
        var run = "kill-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        var sent = new ConcurrentHashMap<String, String>();        // event id -> recipient, for every event sent
        var acknowledged = ConcurrentHashMap.<String>newKeySet();  // event ids inside a 200 answer
        var killed = new AtomicBoolean();

        List<Future<Integer>> streams = new ArrayList<>();
        try (var service = ServiceProcess.start("kill-nine-first", database)) {
            for (int s = 0; s < SENDERS; s++) {
                var sender = s;
                streams.add(senders.submit(() -> postUntilKilled(service.http(), run + sender + "-", sent,
                        acknowledged, killed)));
            }
            awaitStreamFlowing(acknowledged, streams);
            killed.set(true);
            service.kill();
            log.info("SIGKILLed service process {} with {} events sent, {} acknowledged", service.pid(),
                    sent.size(), acknowledged.size());
        }
        var cutOffInFlight = 0;
        for (var stream : streams) {
            cutOffInFlight += stream.get(30, TimeUnit.SECONDS);
        }

        assertThat(sent.keySet()).containsAll(acknowledged);
        log.info("{} requests were cut off in flight by the kill; {} events sent but never acknowledged", cutOffInFlight,
                sent.size() - acknowledged.size());

        try (var restarted = ServiceProcess.start("kill-nine-restarted", database)) {
            var jdbc = database.jdbc();
            var storedAfterKill = Set.copyOf(jdbc.sql("select event_id from bounce_event where event_id like ?")
                    .param(run + "%").query(String.class).list());
            assertThat(storedAfterKill).as("every acknowledged event is stored").containsAll(acknowledged);
            assertThat(sent.keySet()).containsAll(storedAfterKill);
            log.info("{} events were committed by the killed process without their answer reaching the sender",
                    storedAfterKill.size() - acknowledged.size());
            var suppressedAfterKill = Set.copyOf(jdbc.sql("""
                    select s.address from suppression s join bounce_event b on b.recipient = s.address
                    where s.active and b.event_id like ?
                    """).param(run + "%").query(String.class).list());
            assertThat(suppressedAfterKill).as("the suppression of every acknowledged hard bounce is stored")
                    .containsAll(acknowledged.stream().map(sent::get).toList());

            // The sender retries everything: what it knows was acknowledged and what it never heard back about.
            var statusById = retryAll(restarted.http(), sent);

            assertThat(acknowledged).allSatisfy(id -> assertThat(statusById.get(id)).as(id).isEqualTo("duplicate"));
            assertThat(statusById).hasSize(sent.size()).allSatisfy(
                    (id, status) -> assertThat(status).as(id).isIn("accepted", "duplicate"));
            assertThat(statusById.values().stream().filter("accepted"::equals).count())
                    .as("exactly the events that were not stored before are accepted now")
                    .isEqualTo(sent.size() - storedAfterKill.size());
            var copies = jdbc.sql("select event_id, count(*) from bounce_event where event_id like ? group by event_id")
                    .param(run + "%").query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list();
            assertThat(copies).hasSize(sent.size()).allSatisfy(c -> assertThat(c.getValue()).as(c.getKey()).isEqualTo(1));
        }
    }

    /** Mid-stream: at least 2.5 s and 100 acknowledged events after the first post, whichever comes later. */
    private static void awaitStreamFlowing(Set<String> acknowledged, List<Future<Integer>> streams) throws Exception {
        var start = System.nanoTime();
        var deadline = start + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(2500) || acknowledged.size() < 100) {
            for (var stream : streams) {
                if (stream.isDone()) {
                    stream.get(); // a sender failed before the kill: its exception says why
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Only %d events were acknowledged in 60 s".formatted(acknowledged.size()));
            }
            ServiceProcess.sleep(Duration.ofMillis(50));
        }
    }

    /**
     * Posts small batches of hard bounces with unique event ids until the service dies. Every event counts as
     * sent before its request leaves. Returns 1 when the kill cut off a request in flight, else 0.
     */
    private static int postUntilKilled(RealHttp http, String prefix, Map<String, String> sent,
                                       Set<String> acknowledged, AtomicBoolean killed) {
        for (int n = 0; ; n++) {
            var ids = new ArrayList<String>();
            var events = new ArrayList<String>();
            for (int i = 0; i <= n % 5; i++) {
                var id = prefix + n + "-" + i;
                var recipient = "user" + i + "@" + prefix + n + ".example";
                sent.put(id, recipient);
                ids.add(id);
                events.add(Bounces.userUnknown(recipient, id));
            }
            var startedBeforeKill = !killed.get();
            try {
                var reply = http.postBounces(Bounces.batch(events));
                assertThat(reply.status()).as("answered %s", reply).isEqualTo(200);
                assertThat(reply.json().get("accepted").intValue()).isEqualTo(ids.size());
                acknowledged.addAll(ids);
            } catch (IOException e) {
                if (!killed.get()) {
                    throw new AssertionError("The service failed before it was killed", e);
                }
                return startedBeforeKill ? 1 : 0;
            }
        }
    }

    /** Re-posts every event sent, in batches, and returns each event id's status in the answers. */
    private static Map<String, String> retryAll(RealHttp http, Map<String, String> sent) throws IOException {
        var statusById = new HashMap<String, String>();
        var ids = new ArrayList<>(sent.keySet());
        for (int from = 0; from < ids.size(); from += 500) {
            var chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            var reply = http.postBounces(Bounces.batch(chunk.stream().map(id -> Bounces.userUnknown(sent.get(id), id)).toList()));
            assertThat(reply.status()).as("answered %s", reply).isEqualTo(200);
            for (var result : reply.json().get("results")) {
                statusById.put(result.get("eventId").stringValue(), result.get("status").stringValue());
            }
        }
        return statusById;
    }
}
