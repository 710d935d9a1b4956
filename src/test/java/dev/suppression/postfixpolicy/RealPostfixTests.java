package dev.suppression.postfixpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Real Postfix (Debian's package, a private instance) with {@code check_policy_service} pointing at the
 * listener, and swaks submitting one message per recipient: the submitting side sees 550 with our text for a
 * suppressed address, 450 for a paused domain, and its message queued for everyone else.
 */
@IntegrationTest
@TestPropertySource(properties = {PolicyClient.ENABLED, PolicyClient.ANY_PORT})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealPostfixTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    PolicyListener listener;

    @Autowired
    JdbcClient jdbc;

    Api api;
    PrivatePostfix postfix;

    @BeforeAll
    void startPostfix() {
        api = new Api(mvc);
        postfix = PrivatePostfix.start(listener.port());
    }

    @AfterAll
    void stopPostfix() {
        if (postfix != null) {
            postfix.close();
        }
    }

    @Test
    void postfixRefusesASuppressedRecipientWith550AndSaysWhy() {
        var address = "gone@" + Api.uniqueDomain("postfix");
        api.hardBounce(address);
        var ref = jdbc.sql("select last_bounce_id from suppression where address = ?").param(address)
                .query(Long.class).single();
        var since = api.check(address).get("suppression").get("since").stringValue().substring(0, 10);

        var submission = postfix.submit(address);

        assertThat(submission.afterRcpt()).as(postfix.log()).isEqualTo("550 5.1.1 <" + address
                + ">: Recipient address rejected: <" + address + "> is suppressed: hard bounce (mailbox does not "
                + "exist) since " + since + " (ref " + ref + ")");
        assertThat(submission.afterData()).isNull();
    }

    @Test
    void postfixDefersARecipientAtAPausedDomainWith450() {
        var paused = Api.uniqueDomain("postfix-paused");
        for (int i = 0; i < 5; i++) {
            api.hardBounce("user" + i + "@" + paused);
        }

        var submission = postfix.submit("someone@" + paused);

        assertThat(submission.afterRcpt()).as(postfix.log())
                .startsWith("450 4.7.1 <someone@" + paused + ">: Recipient address rejected: sends to " + paused
                        + " are paused: 5 of its addresses hard-bounced since ");
        assertThat(submission.afterData()).isNull();
    }

    @Test
    void postfixAcceptsAnAllowedRecipientAndQueuesTheMessage() {
        var submission = postfix.submit("reader@" + Api.uniqueDomain("postfix-allowed"));

        assertThat(submission.afterRcpt()).as(postfix.log()).startsWith("250 ");
        assertThat(submission.afterData()).as(submission.transcript()).startsWith("250 2.0.0 Ok: queued as ");
    }
}
