package dev.suppression.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.IntegrationTest;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Switched on, the poller is a bean of the running service; a server that is not there stops a poll, not the service. */
@IntegrationTest
class MailboxConfigurationTests {

    @DynamicPropertySource
    static void mailbox(DynamicPropertyRegistry properties) {
        properties.add("suppression.mailbox.enabled", () -> "true");
        properties.add("suppression.mailbox.host", () -> "127.0.0.1");
        properties.add("suppression.mailbox.port", MailboxConfigurationTests::closedPort);
        properties.add("suppression.mailbox.user", () -> "bounces");
        properties.add("suppression.mailbox.password", () -> "s3cret");
        properties.add("suppression.mailbox.timeout", () -> "2s");
    }

    @Autowired
    MailboxPoller poller;

    @Test
    void aPollOfAServerThatIsNotThereReportsTheProblemInsteadOfThrowing() {
        var poll = poller.pollOnce();

        assertThat(poll.completed()).isFalse();
        assertThat(poll.problem()).startsWith("the mail server").contains("Couldn't connect to host");
        assertThat(poll.bounces()).isZero();
    }

    /** A port nothing listens on: one the system just handed out and took back. */
    private static int closedPort() {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
