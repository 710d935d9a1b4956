package dev.suppression.mailbox;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.suppression.dsn.DsnIngestion;
import dev.suppression.mailbox.MailboxPollerImapTests.ProcessDied;
import dev.suppression.mailbox.MailboxSettings.Protocol;
import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The poller against a real POP3 server (GreenMail) and real PostgreSQL: handled messages are deleted. */
@IntegrationTest
class MailboxPollerPop3Tests {

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

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void bouncesAreIngestedAndDeletedFromTheServer() {
        var domain = uniqueDomain("pop3");
        mailbox.deliver(TestBounces.userUnknown("ann@" + domain));
        mailbox.deliver(TestBounces.userUnknown("bob@" + domain));

        var poll = poller(100).pollOnce();

        assertThat(poll).isEqualTo(new MailboxPoll(2, 2, 0, 0, 0, 0, 0, 0, null));
        assertThat(mailbox.count("INBOX")).isZero();
        assertThat(api.check("ann@" + domain).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(api.check("bob@" + domain).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
    }

    @Test
    void anAutoReplyIsDeletedAndRecordsNothing() {
        mailbox.deliver(TestBounces.bytes("auto-reply-vacation.eml"));

        var poll = poller(100).pollOnce();

        assertThat(poll).isEqualTo(new MailboxPoll(0, 0, 0, 0, 1, 0, 0, 0, null));
        assertThat(mailbox.count("INBOX")).isZero();
    }

    @Test
    void withKeepFailedWhatIsNotABounceStaysOnTheServerAndIsPassedByAfterwards() {
        var domain = uniqueDomain("pop3-keep");
        mailbox.deliver(TestBounces.bytes("normal-mail.eml"));
        mailbox.deliver(TestBounces.binaryGarbage());
        mailbox.deliver(TestBounces.userUnknown("cid@" + domain));
        var poller = new MailboxPoller(mailbox.settings(Protocol.POP3, 100, true), dsn::ingest, ONE_MB, meters);

        var first = poller.pollOnce();
        mailbox.deliver(TestBounces.userUnknown("dan@" + domain));
        var second = poller.pollOnce();

        assertThat(first).isEqualTo(new MailboxPoll(1, 1, 0, 0, 1, 1, 0, 0, null));
        assertThat(second).isEqualTo(new MailboxPoll(1, 1, 0, 0, 0, 0, 0, 0, null));
        assertThat(mailbox.count("INBOX")).isEqualTo(2);
    }

    @Test
    void keptMessagesDoNotTakeUpAPollsShare() {
        var domain = uniqueDomain("pop3-share");
        mailbox.deliver(TestBounces.bytes("normal-mail.eml"));
        mailbox.deliver(TestBounces.bytes("read-receipt.eml"));
        mailbox.deliver(TestBounces.userUnknown("ida@" + domain));
        var onePerPoll = new MailboxPoller(mailbox.settings(Protocol.POP3, 1, true), dsn::ingest, ONE_MB, meters);

        var polls = java.util.stream.Stream.generate(onePerPoll::pollOnce).limit(4).toList();

        assertThat(polls).extracting(MailboxPoll::notBounces, MailboxPoll::bounces).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, 0), org.assertj.core.groups.Tuple.tuple(1, 0),
                org.assertj.core.groups.Tuple.tuple(0, 1), org.assertj.core.groups.Tuple.tuple(0, 0));
        assertThat(mailbox.count("INBOX")).isEqualTo(2);
        assertThat(api.check("ida@" + domain).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
    }

    @Test
    void aRestartInTheMiddleOfAPollReingestsItsMessagesAsDuplicates() {
        var domain = uniqueDomain("pop3-restart");
        for (int i = 0; i < 4; i++) {
            mailbox.deliver(TestBounces.userUnknown("user" + i + "@" + domain));
        }
        var ingested = new AtomicInteger();
        var dyingAfterTheSecondCommit = new MailboxPoller(mailbox.settings(Protocol.POP3, 100), message -> {
            var outcome = dsn.ingest(message);
            if (ingested.incrementAndGet() == 2) {
                throw new ProcessDied();
            }
            return outcome;
        }, ONE_MB, meters);

        assertThatThrownBy(dyingAfterTheSecondCommit::pollOnce).isInstanceOf(ProcessDied.class);
        assertThat(mailbox.count("INBOX")).isEqualTo(4);

        var afterRestart = poller(100).pollOnce();

        assertThat(afterRestart).isEqualTo(new MailboxPoll(4, 2, 2, 0, 0, 0, 0, 0, null));
        assertThat(mailbox.count("INBOX")).isZero();
        for (int i = 0; i < 4; i++) {
            var entries = api.history("user" + i + "@" + domain).get("entries").valueStream()
                    .filter(e -> e.get("type").stringValue().equals("BOUNCE")).count();
            assertThat(entries).as("bounces of user%d", i).isEqualTo(1);
        }
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isEqualTo(4);
    }

    @Test
    void whenTheDatabaseGoesDownTheBouncesIngestedBeforeAreStillDeleted() {
        var domain = uniqueDomain("pop3-db-down");
        mailbox.deliver(TestBounces.userUnknown("eve@" + domain));
        mailbox.deliver(TestBounces.userUnknown("fay@" + domain));
        mailbox.deliver(TestBounces.userUnknown("gus@" + domain));
        var calls = new AtomicInteger();
        var downAfterOne = new MailboxPoller(mailbox.settings(Protocol.POP3, 100), message -> {
            if (calls.incrementAndGet() > 1) {
                throw new DataAccessResourceFailureException("Connection to localhost:5432 refused");
            }
            return dsn.ingest(message);
        }, ONE_MB, meters);

        var poll = downAfterOne.pollOnce();

        assertThat(poll.bounces()).isEqualTo(1);
        assertThat(poll.left()).isEqualTo(1);
        assertThat(poll.problem()).contains("database is unavailable");
        assertThat(mailbox.count("INBOX")).isEqualTo(2);
        assertThat(poller(100).pollOnce().bounces()).isEqualTo(2);
        assertThat(mailbox.count("INBOX")).isZero();
    }

    @Test
    void aHugeMessageIsDeletedUnreadAndAMessageNamingHundredsOfRecipientsIsIngested() {
        var domain = uniqueDomain("pop3-many");
        var hugeDomain = uniqueDomain("pop3-huge");
        mailbox.deliver(TestBounces.huge("hal@" + hugeDomain, 3 * (int) ONE_MB));
        mailbox.deliver(TestBounces.manyRecipients(domain, 250));

        var poll = poller(100).pollOnce();

        assertThat(poll).isEqualTo(new MailboxPoll(1, 250, 0, 0, 0, 0, 1, 0, null));
        assertThat(mailbox.count("INBOX")).isZero();
        assertThat(api.check("hal@" + hugeDomain).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isEqualTo(250);
    }

    private MailboxPoller poller(int maxMessagesPerPoll) {
        return new MailboxPoller(mailbox.settings(Protocol.POP3, maxMessagesPerPoll), dsn::ingest, ONE_MB, meters);
    }
}
