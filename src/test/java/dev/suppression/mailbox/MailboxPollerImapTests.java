package dev.suppression.mailbox;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.suppression.dsn.DsnIngestion;
import dev.suppression.mailbox.MailboxSettings.Protocol;
import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The poller against a real IMAP server (GreenMail) and real PostgreSQL, checked through the HTTP API. */
@IntegrationTest
class MailboxPollerImapTests {

    private static final long ONE_MB = 1024 * 1024;
    private static final TestMailbox mailbox = new TestMailbox();

    @RegisterExtension
    static final GreenMailExtension greenMail = mailbox.extension();

    @Autowired
    DsnIngestion dsn;
    @Autowired
    MeterRegistry meters;
    @Autowired
    MockMvcTester mvc;
    @Autowired
    ApplicationContext context;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void thePollerIsOffByDefault() {
        assertThat(context.getBeanProvider(MailboxPoller.class).getIfAvailable()).isNull();
    }

    @Test
    void bouncesAreIngestedAndMovedToTheProcessedFolder() {
        var domain = uniqueDomain("imap");
        mailbox.deliver(TestBounces.userUnknown("ann@" + domain));
        mailbox.deliver(TestBounces.userUnknown("bob@" + domain));
        mailbox.deliver(TestBounces.userUnknown("cid@" + domain));

        var poll = poller(100).pollOnce();

        assertThat(poll).isEqualTo(new MailboxPoll(3, 3, 0, 0, 0, 0, 0, 0, null));
        for (var local : new String[] {"ann", "bob", "cid"}) {
            var check = api.check(local + "@" + domain);
            assertThat(check.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
            assertThat(check.at("/suppression/reason").stringValue()).isEqualTo("HARD_BOUNCE");
        }
        assertThat(mailbox.count("INBOX")).isZero();
        assertThat(mailbox.count("Processed")).isEqualTo(3);
        assertThat(mailbox.count("Failed")).isZero();
    }

    @Test
    void anAutoReplyIsMovedToTheFailedFolderAndRecordsNothing() {
        var domain = uniqueDomain("imap-auto");
        mailbox.deliver(TestBounces.bytes("auto-reply-out-of-office.eml"));
        mailbox.deliver(TestBounces.userUnknown("dora@" + domain));

        var poll = poller(100).pollOnce();

        assertThat(poll).isEqualTo(new MailboxPoll(1, 1, 0, 0, 1, 0, 0, 0, null));
        assertThat(mailbox.count("INBOX")).isZero();
        assertThat(mailbox.count("Failed")).isEqualTo(1);
        assertThat(mailbox.count("Processed")).isEqualTo(1);
        assertThat(api.check("dora@" + domain).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
    }

    @Test
    void aBounceDeliveredTwiceIsCountedOnce() {
        var domain = uniqueDomain("imap-twice");
        var bounce = TestBounces.userUnknown("eve@" + domain);
        mailbox.deliver(bounce);
        mailbox.deliver(bounce);

        var poll = poller(100).pollOnce();

        assertThat(poll.bounces()).isEqualTo(2);
        assertThat(poll.accepted()).isEqualTo(1);
        assertThat(poll.duplicates()).isEqualTo(1);
        assertThat(bounceEntries("eve@" + domain)).isEqualTo(1);
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isEqualTo(1);
        assertThat(mailbox.count("INBOX")).isZero();
    }

    @Test
    void aRestartInTheMiddleOfTheMailboxNeitherLosesNorDoubleCountsABounce() {
        var domain = uniqueDomain("imap-restart");
        for (int i = 0; i < 5; i++) {
            mailbox.deliver(TestBounces.userUnknown("user" + i + "@" + domain));
        }
        var ingested = new AtomicInteger();
        var dyingAfterTheThirdCommit = new MailboxPoller(mailbox.settings(Protocol.IMAP, 100), message -> {
            var outcome = dsn.ingest(message);
            if (ingested.incrementAndGet() == 3) {
                throw new ProcessDied();
            }
            return outcome;
        }, ONE_MB, meters);

        assertThatThrownBy(dyingAfterTheThirdCommit::pollOnce).isInstanceOf(ProcessDied.class);
        assertThat(mailbox.count("Processed")).isEqualTo(2);
        assertThat(mailbox.count("INBOX")).isEqualTo(3);

        var afterRestart = poller(100).pollOnce();

        assertThat(afterRestart).isEqualTo(new MailboxPoll(3, 2, 1, 0, 0, 0, 0, 0, null));
        assertThat(mailbox.count("INBOX")).isZero();
        assertThat(mailbox.count("Processed")).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(bounceEntries("user" + i + "@" + domain)).as("bounces of user%d", i).isEqualTo(1);
            assertThat(api.check("user" + i + "@" + domain).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        }
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isEqualTo(5);
    }

    @Test
    void twoInstancesPollingOneMailboxAtOnceCountEveryBounceOnce() {
        var domain = uniqueDomain("imap-two");
        for (int i = 0; i < 4; i++) {
            mailbox.deliver(TestBounces.userUnknown("user" + i + "@" + domain));
        }
        var other = poller(100);
        var otherPolls = new java.util.ArrayList<MailboxPoll>();
        var first = new MailboxPoller(mailbox.settings(Protocol.IMAP, 100), message -> {
            var outcome = dsn.ingest(message);
            if (otherPolls.isEmpty()) {
                // The other instance polls the whole mailbox between this one's commit and its move.
                otherPolls.add(other.pollOnce());
            }
            return outcome;
        }, ONE_MB, meters);

        var poll = first.pollOnce();
        var cleanUp = poller(100).pollOnce();

        assertThat(otherPolls.getFirst().bounces()).isEqualTo(4);
        assertThat(poll.bounces() + otherPolls.getFirst().bounces() + cleanUp.bounces())
                .isEqualTo(poll.duplicates() + otherPolls.getFirst().duplicates() + cleanUp.duplicates() + 4);
        assertThat(mailbox.count("INBOX")).isZero();
        assertThat(mailbox.count("Processed")).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            assertThat(bounceEntries("user" + i + "@" + domain)).as("bounces of user%d", i).isEqualTo(1);
        }
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isEqualTo(4);
    }

    @Test
    void withoutMoveMessagesAreCopiedFlaggedAndExpungedAndARestartCopiesNoneTwice() {
        var domain = uniqueDomain("imap-copy");
        for (int i = 0; i < 5; i++) {
            mailbox.deliver(TestBounces.userUnknown("user" + i + "@" + domain));
        }
        var ingested = new AtomicInteger();
        var dyingAfterTheThirdCommit = new MailboxPoller(mailbox.settings(Protocol.IMAP, 100), message -> {
            var outcome = dsn.ingest(message);
            if (ingested.incrementAndGet() == 3) {
                throw new ProcessDied();
            }
            return outcome;
        }, ONE_MB, meters, false);

        assertThatThrownBy(dyingAfterTheThirdCommit::pollOnce).isInstanceOf(ProcessDied.class);
        assertThat(mailbox.count("Processed")).isEqualTo(2);
        assertThat(mailbox.count("INBOX")).isEqualTo(5);

        var twoAtATime = new MailboxPoller(mailbox.settings(Protocol.IMAP, 2), dsn::ingest, ONE_MB, meters, false);
        var afterRestart = twoAtATime.pollOnce();
        var next = twoAtATime.pollOnce();

        assertThat(afterRestart).isEqualTo(new MailboxPoll(2, 1, 1, 0, 0, 0, 0, 0, null));
        assertThat(next).isEqualTo(new MailboxPoll(1, 1, 0, 0, 0, 0, 0, 0, null));
        assertThat(mailbox.count("INBOX")).isZero();
        assertThat(mailbox.count("Processed")).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(bounceEntries("user" + i + "@" + domain)).as("bounces of user%d", i).isEqualTo(1);
        }
    }

    @Test
    void aPollTakesAtMostItsLimitAndTheNextPollTakesTheRest() {
        var domain = uniqueDomain("imap-limit");
        for (int i = 0; i < 5; i++) {
            mailbox.deliver(TestBounces.userUnknown("user" + i + "@" + domain));
        }
        var poller = poller(2);

        assertThat(poller.pollOnce().bounces()).isEqualTo(2);
        assertThat(mailbox.count("INBOX")).isEqualTo(3);
        assertThat(poller.pollOnce().bounces()).isEqualTo(2);
        assertThat(poller.pollOnce().bounces()).isEqualTo(1);
        assertThat(poller.pollOnce().bounces()).isZero();

        assertThat(mailbox.count("Processed")).isEqualTo(5);
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isEqualTo(5);
    }

    @Test
    void aHugeMessageAndBinaryGarbageAreSetAsideAndThePollGoesOn() {
        var domain = uniqueDomain("imap-odd");
        mailbox.deliver(TestBounces.huge("fay@" + domain, 2 * (int) ONE_MB));
        mailbox.deliver(TestBounces.binaryGarbage());
        mailbox.deliver(TestBounces.bytes("broken-multipart-missing-start.eml"));
        mailbox.deliver(TestBounces.userUnknown("gus@" + domain));

        var poll = poller(100).pollOnce();

        // A multipart without its start boundary is read as a mail client reads it (and found no bounce), not
        // refused as unreadable; only the binary garbage is unreadable.
        assertThat(poll).isEqualTo(new MailboxPoll(1, 1, 0, 0, 1, 1, 1, 0, null));
        assertThat(mailbox.count("INBOX")).isZero();
        assertThat(mailbox.count("Failed")).isEqualTo(3);
        assertThat(api.check("fay@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(api.check("gus@" + domain).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
    }

    @Test
    void aMessageNamingHundredsOfRecipientsIsIngestedWhole() {
        var domain = uniqueDomain("imap-many");
        mailbox.deliver(TestBounces.manyRecipients(domain, 300));

        var poll = poller(100).pollOnce();

        assertThat(poll).isEqualTo(new MailboxPoll(1, 300, 0, 0, 0, 0, 0, 0, null));
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isEqualTo(300);
        assertThat(api.check("user299@" + domain).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
    }

    @Test
    void whileTheDatabaseIsDownMessagesStayInTheMailbox() {
        var domain = uniqueDomain("imap-db-down");
        mailbox.deliver(TestBounces.userUnknown("hal@" + domain));
        mailbox.deliver(TestBounces.userUnknown("ivy@" + domain));
        var databaseDown = new MailboxPoller(mailbox.settings(Protocol.IMAP, 100), message -> {
            throw new DataAccessResourceFailureException("Connection to localhost:5432 refused");
        }, ONE_MB, meters);

        var poll = databaseDown.pollOnce();

        assertThat(poll.completed()).isFalse();
        assertThat(poll.problem()).contains("database is unavailable");
        assertThat(poll.left()).isEqualTo(1);
        assertThat(mailbox.count("INBOX")).isEqualTo(2);
        assertThat(poller(100).pollOnce().bounces()).isEqualTo(2);
        assertThat(mailbox.count("INBOX")).isZero();
    }

    @Test
    void aMessageThatFailsUnexpectedlyStaysWhileThePollGoesOnWithTheNext() {
        var domain = uniqueDomain("imap-poison");
        mailbox.deliver(TestBounces.userUnknown("jon@" + domain));
        mailbox.deliver(TestBounces.userUnknown("kai@" + domain));
        var failingOnJon = new MailboxPoller(mailbox.settings(Protocol.IMAP, 100), message -> {
            if (new String(message, java.nio.charset.StandardCharsets.UTF_8).contains("jon@")) {
                throw new IllegalStateException("a bug");
            }
            return dsn.ingest(message);
        }, ONE_MB, meters);

        var poll = failingOnJon.pollOnce();

        assertThat(poll).isEqualTo(new MailboxPoll(1, 1, 0, 0, 0, 0, 0, 1, null));
        assertThat(mailbox.count("INBOX")).isEqualTo(1);
        assertThat(mailbox.count("Processed")).isEqualTo(1);
        assertThat(api.check("kai@" + domain).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
    }

    @Test
    void anUnreachableServerIsAStoppedPollNotAnException() {
        var settings = mailbox.settings(Protocol.IMAP, 100);
        var wrongPassword = new MailboxSettings(true, Protocol.IMAP, settings.host(), settings.port(), false, false,
                TestMailbox.LOGIN, "wrong", "INBOX", settings.interval(), "Processed", "Failed", 100, settings.timeout(), false);

        var poll = new MailboxPoller(wrongPassword, dsn::ingest, ONE_MB, meters).pollOnce();

        assertThat(poll.completed()).isFalse();
        assertThat(poll.problem()).startsWith("the mail server");
    }

    private MailboxPoller poller(int maxMessagesPerPoll) {
        return new MailboxPoller(mailbox.settings(Protocol.IMAP, maxMessagesPerPoll), dsn::ingest, ONE_MB, meters);
    }

    private long bounceEntries(String address) {
        return api.history(address).get("entries").valueStream()
                .filter(e -> e.get("type").stringValue().equals("BOUNCE")).count();
    }

    /** What a kill -9 between the commit and the move looks like to the poller: nothing after it runs. */
    static final class ProcessDied extends Error {
        ProcessDied() {
            super("the process died");
        }
    }
}
