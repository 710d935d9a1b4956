package dev.suppression.postfixpolicy;

import static dev.suppression.postfixpolicy.PolicyClient.rcpt;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The policy delegation protocol through a real socket: what Postfix sends, what it gets back, byte for byte,
 * and what a broken or hostile client cannot do to the listener.
 */
@IntegrationTest
@TestPropertySource(properties = {PolicyClient.ENABLED, PolicyClient.ANY_PORT})
class PolicyProtocolTests {

    private static final String DUNNO = "action=DUNNO\n\n";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PolicyListener listener;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    HealthEndpointGroups healthGroups;

    Api api;
    String domain;
    String suppressed;

    @BeforeEach
    void aSuppressedAddress() {
        api = new Api(mvc);
        domain = Api.uniqueDomain("policy");
        suppressed = "gone@" + domain;
        api.hardBounce(suppressed);
    }

    @Test
    void manyRequestsOnOneConnectionEachGetTheSameVerdictAsTheHttpCheck() {
        var paused = pausedDomain();
        try (var postfix = PolicyClient.connect(listener.port())) {
            assertThat(postfix.ask(rcpt("fine@" + domain))).isEqualTo(DUNNO);
            assertThat(postfix.ask(rcpt(suppressed))).isEqualTo(suppressedReply(suppressed, suppressed));
            assertThat(postfix.ask(rcpt("new@" + paused))).isEqualTo("action=DEFER_IF_PERMIT 4.7.1 sends to "
                    + paused + " are paused: 5 of its addresses hard-bounced since " + windowStart(paused)
                    + "; resumed by ops once its routing is confirmed (paused " + today() + ")\n\n");
            assertThat(postfix.ask(rcpt("never-seen@" + Api.uniqueDomain("policy-unknown")))).isEqualTo(DUNNO);
            var refused = suppressedReply(suppressed, suppressed);
            for (int i = 0; i < 50; i++) {
                assertThat(postfix.ask(rcpt(suppressed))).isEqualTo(refused);
            }
        }
        assertThat(api.check("new@" + paused).get("verdict").stringValue()).isEqualTo("DOMAIN_PAUSED");
    }

    @Test
    void theRecipientIsNormalizedLikeEveryAddress() {
        var asSent = "  GONE@" + domain.toUpperCase() + " ";
        try (var postfix = PolicyClient.connect(listener.port())) {
            assertThat(postfix.ask(rcpt(asSent))).isEqualTo(suppressedReply(suppressed, asSent));
        }
    }

    @Test
    void onlyTheRecipientStageIsJudged() {
        try (var postfix = PolicyClient.connect(listener.port())) {
            for (var state : new String[] {"CONNECT", "EHLO", "HELO", "MAIL", "DATA", "END-OF-MESSAGE", "VRFY", "ETRN"}) {
                assertThat(postfix.ask(PolicyClient.request(state, suppressed))).as(state).isEqualTo(DUNNO);
            }
            assertThat(postfix.ask(rcpt(suppressed))).startsWith("action=550 5.1.1 ");
        }
    }

    @Test
    void aRequestArrivingInPiecesIsAnsweredOnlyOnceItsEmptyLineArrives() throws Exception {
        var request = rcpt(suppressed).getBytes(StandardCharsets.UTF_8);
        try (var postfix = PolicyClient.connect(listener.port())) {
            for (int i = 0; i < request.length - 1; i += 7) {
                postfix.send(java.util.Arrays.copyOfRange(request, i, Math.min(i + 7, request.length - 1)));
                Thread.sleep(2);
            }
            Thread.sleep(200);
            assertThat(postfix.hasReplyWaiting()).as("no reply before the request is complete").isFalse();

            postfix.send(new byte[] {'\n'});

            assertThat(postfix.reply()).isEqualTo(suppressedReply(suppressed, suppressed));
        }
    }

    @Test
    void crlfLineEndsFromASloppyClientAreReadAsLineEnds() {
        try (var client = PolicyClient.connect(listener.port())) {
            assertThat(client.ask(rcpt(suppressed).replace("\n", "\r\n")))
                    .isEqualTo(suppressedReply(suppressed, suppressed));
            assertThat(client.ask(rcpt("fine@" + domain).replace("\n", "\r\n"))).isEqualTo(DUNNO);
        }
    }

    @Test
    void aOneMegabyteGarbageLineIsAnsweredDunnoAndTheConnectionKeepsServing() {
        var garbage = new byte[1024 * 1024];
        var random = new Random(15);
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (0x21 + random.nextInt(0x5e));
        }
        try (var client = PolicyClient.connect(listener.port())) {
            client.send(garbage);
            client.send("\n\n");
            assertThat(client.reply()).isEqualTo(DUNNO);

            assertThat(client.ask(rcpt(suppressed))).isEqualTo(suppressedReply(suppressed, suppressed));
        }
    }

    @Test
    void anUnreadableLineInsideARequestIsSkippedAndTheRecipientStillJudged() {
        var request = rcpt(suppressed).replace("size=0\n", "size=0\n" + "x".repeat(1024 * 1024) + "\nno equals sign\n");
        try (var client = PolicyClient.connect(listener.port())) {
            assertThat(client.ask(request)).isEqualTo(suppressedReply(suppressed, suppressed));
        }
    }

    @Test
    void aRecipientThatIsNoAddressOrARequestOfAnotherKindIsAnsweredDunno() {
        try (var client = PolicyClient.connect(listener.port())) {
            assertThat(client.ask(rcpt("postmaster"))).isEqualTo(DUNNO);
            assertThat(client.ask(rcpt(""))).isEqualTo(DUNNO);
            assertThat(client.ask(rcpt(suppressed).replace("smtpd_access_policy", "something_else"))).isEqualTo(DUNNO);
            assertThat(client.ask("\n")).isEqualTo(DUNNO);
            assertThat(client.ask(rcpt(suppressed))).isEqualTo(suppressedReply(suppressed, suppressed));
        }
    }

    @Test
    void twoHundredConcurrentConnectionsAreAllServedWithTheirOwnAnswers() throws Exception {
        var connections = 200;
        var allOpen = new CyclicBarrier(connections);
        var fine = "fine@" + Api.uniqueDomain("policy-concurrent");
        try (var warmUp = PolicyClient.connect(listener.port())) {
            for (int i = 0; i < 200; i++) {
                warmUp.ask(rcpt(suppressed));
            }
        }
        var refused = suppressedReply(suppressed, suppressed);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            var results = new ArrayList<Future<Boolean>>();
            for (int c = 0; c < connections; c++) {
                results.add(threads.submit(() -> {
                    try (var client = PolicyClient.connect(listener.port())) {
                        allOpen.await(30, TimeUnit.SECONDS);
                        for (int i = 0; i < 5; i++) {
                            assertThat(client.ask(rcpt(suppressed))).isEqualTo(refused);
                            assertThat(client.ask(rcpt(fine))).isEqualTo(DUNNO);
                        }
                        return true;
                    }
                }));
            }
            for (var result : results) {
                assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
            }
        }
    }

    @Test
    void eachAnswerIsCountedByOutcomeAndAction() {
        var before = count("suppressed", "550");
        var dunnoBefore = count("not_judged", "DUNNO");
        try (var client = PolicyClient.connect(listener.port())) {
            client.ask(rcpt(suppressed));
            client.ask(rcpt(suppressed));
            client.ask(PolicyClient.request("DATA", suppressed));
        }
        assertThat(count("suppressed", "550")).isEqualTo(before + 2);
        assertThat(count("not_judged", "DUNNO")).isEqualTo(dunnoBefore + 1);
    }

    @Test
    void theListenerIsInTheReadinessGroupAndReadinessFailsWithoutIt() {
        assertThat(healthGroups.get("readiness").isMember("postfixPolicy")).isTrue();
        assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatusOk();

        listener.stop();
        try {
            assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatus(503);
        } finally {
            listener.start();
        }
        assertThat(mvc.get().uri("/actuator/health/readiness")).hasStatusOk();
        try (var client = PolicyClient.connect(listener.port())) {
            assertThat(client.ask(rcpt(suppressed))).isEqualTo(suppressedReply(suppressed, suppressed));
        }
    }

    private long count(String outcome, String action) {
        var timer = meters.find("suppression.postfix.policy.requests").tag("outcome", outcome).tag("action", action)
                .timer();
        assertThat(timer).as("timer for %s/%s", outcome, action).isNotNull();
        return timer.count();
    }

    /** A domain with five hard-bounced addresses, which pauses it. */
    private String pausedDomain() {
        var paused = Api.uniqueDomain("policy-paused");
        for (int i = 0; i < 5; i++) {
            api.hardBounce("user" + i + "@" + paused);
        }
        assertThat(api.domain(paused).get("paused").booleanValue()).isTrue();
        return paused;
    }

    private String suppressedReply(String address, String asSent) {
        var ref = jdbc.sql("select last_bounce_id from suppression where address = ?").param(address)
                .query(Long.class).single();
        var since = api.check(address).get("suppression").get("since").stringValue().substring(0, 10);
        assertThat(asSent).isNotNull();
        return "action=550 5.1.1 <" + address + "> is suppressed: hard bounce (mailbox does not exist) since "
                + since + " (ref " + ref + ")\n\n";
    }

    private String windowStart(String domainName) {
        return api.check("x@" + domainName).get("domain").get("windowStart").stringValue().substring(0, 10);
    }

    private static String today() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    }
}
