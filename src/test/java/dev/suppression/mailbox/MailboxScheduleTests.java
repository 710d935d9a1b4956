package dev.suppression.mailbox;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Switched on with background jobs running, the service polls the mailbox by itself on its interval. */
@IntegrationTest
@DirtiesContext
class MailboxScheduleTests {

    private static final TestMailbox mailbox = new TestMailbox();

    @RegisterExtension
    static final GreenMailExtension greenMail = mailbox.extension().withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailbox(DynamicPropertyRegistry properties) {
        properties.add("suppression.scheduling.enabled", () -> "true");
        properties.add("suppression.mailbox.enabled", () -> "true");
        properties.add("suppression.mailbox.host", () -> "127.0.0.1");
        properties.add("suppression.mailbox.port", () -> greenMail.getImap().getPort());
        properties.add("suppression.mailbox.user", () -> mailbox.user().getLogin());
        properties.add("suppression.mailbox.password", () -> TestMailbox.PASSWORD);
        properties.add("suppression.mailbox.interval", () -> "200ms");
    }

    @Autowired
    MockMvcTester mvc;
    @Autowired
    MeterRegistry meters;

    @Test
    void aBounceDeliveredToTheMailboxIsSuppressedWithoutAnyoneAsking() throws InterruptedException {
        var address = "kim@" + uniqueDomain("scheduled");
        mailbox.deliver(TestBounces.userUnknown(address));

        var deadline = Instant.now().plus(Duration.ofSeconds(60));
        // The poll counts itself only when it ends, which can be a moment after the message has been moved.
        while ((mailbox.count("Processed") == 0 || completedPolls() == 0) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }

        assertThat(mailbox.count("INBOX")).isZero();
        assertThat(mailbox.count("Processed")).isEqualTo(1);
        assertThat(new Api(mvc).check(address).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(meters.counter("suppression.mailbox.messages", "outcome", "bounce").count()).isEqualTo(1);
        assertThat(completedPolls()).isPositive();
    }

    private double completedPolls() {
        return meters.counter("suppression.mailbox.polls", "result", "completed").count();
    }
}
