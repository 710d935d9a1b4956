package dev.suppression.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.mailbox.MailboxSettings.Protocol;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** {@code suppression.mailbox.*}: off by default, and refused at startup when switched on without a server. */
class MailboxSettingsTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class);

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MailboxSettings.class)
    static class Properties {
    }

    @Test
    void theDefaultsAreAnOffImapPollerOfTheInboxEveryMinute() {
        context.run(started -> {
            var settings = started.getBean(MailboxSettings.class);
            assertThat(settings.enabled()).isFalse();
            assertThat(settings.protocol()).isEqualTo(Protocol.IMAP);
            assertThat(settings.folder()).isEqualTo("INBOX");
            assertThat(settings.interval()).isEqualTo(Duration.ofMinutes(1));
            assertThat(settings.processedFolder()).isEqualTo("Processed");
            assertThat(settings.failedFolder()).isEqualTo("Failed");
            assertThat(settings.maxMessagesPerPoll()).isEqualTo(500);
            assertThat(settings.effectivePort()).isEqualTo(143);
            assertThat(settings.pop3KeepFailed()).isFalse();
        });
    }

    @ParameterizedTest(name = "{0} tls={1} -> {2}")
    @CsvSource({"IMAP, false, 143", "IMAP, true, 993", "POP3, false, 110", "POP3, true, 995"})
    void withoutAPortTheProtocolsPortIsUsed(String protocol, boolean tls, int port) {
        context.withPropertyValues("suppression.mailbox.protocol=" + protocol, "suppression.mailbox.tls=" + tls)
                .run(started -> assertThat(started.getBean(MailboxSettings.class).effectivePort()).isEqualTo(port));
    }

    @Test
    void anEnabledPollerWithoutServerAndLoginStopsTheStartWithTheReason() {
        context.withPropertyValues("suppression.mailbox.enabled=true").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("suppression.mailbox.host, suppression.mailbox.user and suppression.mailbox.password are required"));
    }

    @Test
    void implicitTlsAndStarttlsTogetherAreRefused() {
        context.withPropertyValues("suppression.mailbox.tls=true", "suppression.mailbox.starttls=true").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause().hasMessageContaining("exclude each other"));
    }

    @Test
    void theProcessedFolderCannotBeTheFolderPolled() {
        context.withPropertyValues("suppression.mailbox.processed-folder=inbox").run(started ->
                assertThat(started).hasFailed().getFailure().rootCause().hasMessageContaining("three different folders"));
    }

    @Test
    void thePasswordNeverShowsInTheSettingsText() {
        context.withPropertyValues("suppression.mailbox.enabled=true", "suppression.mailbox.host=imap.shop.example",
                "suppression.mailbox.user=bounces", "suppression.mailbox.password=hunter2").run(started ->
                assertThat(started.getBean(MailboxSettings.class).toString()).doesNotContain("hunter2")
                        .contains("password=(set)").contains("host=imap.shop.example"));
    }
}
