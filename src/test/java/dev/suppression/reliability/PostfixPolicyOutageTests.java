package dev.suppression.reliability;

import static dev.suppression.postfixpolicy.PolicyClient.rcpt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.suppression.postfixpolicy.PolicyClient;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Postfix policy listener when things go wrong: with the database really stopped under it, it answers the
 * configured outage action (a deferral by default, so no mail reaches a suppressed address and none is lost),
 * {@code DUNNO} only where the operator chose to fail open; it keeps its connections and recovers by itself;
 * and it never holds more connections than configured.
 */
class PostfixPolicyOutageTests {

    private static final String DEFERRED = "action=DEFER_IF_PERMIT 4.3.0 Suppression list unavailable, try again later\n\n";
    private static final int MAX_CONNECTIONS = 3;

    static PostgresServer database;
    static InProcessService deferring;
    static InProcessService failingOpen;
    static int deferringPort;
    static int failingOpenPort;

    @BeforeAll
    static void startDatabaseAndTwoInstances() {
        database = PostgresServer.startFresh("policy-outage-postgres");
        deferringPort = PostgresServer.freePort();
        deferring = InProcessService.on(database, "--suppression.postfix-policy.enabled=true",
                "--suppression.postfix-policy.port=" + deferringPort,
                "--suppression.postfix-policy.max-connections=" + MAX_CONNECTIONS);
        failingOpenPort = PostgresServer.freePort();
        failingOpen = InProcessService.on(database, "--suppression.postfix-policy.enabled=true",
                "--suppression.postfix-policy.port=" + failingOpenPort,
                "--suppression.postfix-policy.outage-action=DUNNO");
    }

    @AfterAll
    static void stopAll() {
        if (failingOpen != null) {
            failingOpen.close();
        }
        if (deferring != null) {
            deferring.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @AfterEach
    void databaseIsBackAndThePolicyAnswersAgain() {
        database.start();
        awaitPolicyAnswer(deferringPort, "anyone@" + Bounces.uniqueDomain("policy-recovered"), "action=DUNNO\n\n");
    }

    @Test
    void whileTheDatabaseIsDownThePolicyDefersEveryRecipientAndNeverAnswersDunno() throws IOException {
        var suppressed = "gone@" + Bounces.uniqueDomain("policy-outage");
        var neverSeen = "fine@" + Bounces.uniqueDomain("policy-outage");
        assertThat(deferring.http().postBounces(Bounces.userUnknown(suppressed, "evt-" + UUID.randomUUID())).status())
                .isEqualTo(200);
        try (var heldOpen = PolicyClient.connect(deferringPort)) {
            assertThat(heldOpen.ask(rcpt(suppressed))).startsWith("action=550 5.1.1 <" + suppressed + ">");

            database.stop();
            var answers = new ArrayList<String>();
            for (int i = 0; i < 3; i++) {
                answers.add(heldOpen.ask(rcpt(suppressed)));
                answers.add(heldOpen.ask(rcpt(neverSeen)));
            }
            try (var newcomer = PolicyClient.connect(deferringPort)) {
                answers.add(newcomer.ask(rcpt(neverSeen)));
            }

            assertThat(answers).containsOnly(DEFERRED);
            database.start();
            awaitPolicyAnswer(deferringPort, neverSeen, "action=DUNNO\n\n");
            assertThat(heldOpen.ask(rcpt(suppressed))).as("the connection held through the outage still serves")
                    .startsWith("action=550 5.1.1 <" + suppressed + ">");
        }
    }

    @Test
    void anOperatorWhoChoseToFailOpenGetsDunnoWhileTheDatabaseIsDown() {
        var suppressed = "gone@" + Bounces.uniqueDomain("policy-fail-open");
        try (var client = PolicyClient.connect(failingOpenPort)) {
            database.stop();

            assertThat(client.ask(rcpt(suppressed))).isEqualTo("action=DUNNO\n\n");
        }
    }

    @Test
    void aConnectionBeyondMaxConnectionsIsClosedAtOnceAndTheOthersKeepBeingServed() {
        var address = "someone@" + Bounces.uniqueDomain("policy-limit");
        var held = new ArrayList<PolicyClient>();
        try {
            for (int i = 0; i < MAX_CONNECTIONS; i++) {
                var client = PolicyClient.connect(deferringPort);
                assertThat(client.ask(rcpt(address))).isEqualTo("action=DUNNO\n\n");
                held.add(client);
            }

            try (var oneTooMany = PolicyClient.connect(deferringPort)) {
                assertThat(oneTooMany.closedByServer()).isTrue();
            }
            assertThat(held).allSatisfy(client -> assertThat(client.ask(rcpt(address))).isEqualTo("action=DUNNO\n\n"));

            held.removeFirst().close();
            awaitPolicyAnswer(deferringPort, address, "action=DUNNO\n\n");
        } finally {
            held.forEach(PolicyClient::close);
        }
    }

    /** Asks on fresh connections until the answer comes; a connection refused for the limit counts as not yet. */
    private static void awaitPolicyAnswer(int port, String address, String expected) {
        var deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            try (var client = PolicyClient.connect(port)) {
                last = client.ask(rcpt(address));
                if (last.equals(expected)) {
                    return;
                }
            } catch (IllegalStateException e) {
                last = e.getMessage();
            }
            ServiceProcess.sleep(Duration.ofMillis(100));
        }
        fail("The policy listener on port %d did not answer %s within 30 s; last answer %s", port, expected, last);
    }
}
