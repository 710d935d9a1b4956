package dev.suppression.mailbox;

import dev.suppression.dsn.DsnIngestion;
import dev.suppression.dsn.DsnSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;

/**
 * The poller exists only with {@code suppression.mailbox.enabled=true}, and polls on its interval only while
 * background jobs run ({@code suppression.scheduling.enabled}, which registers the schedule).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("suppression.mailbox.enabled")
class MailboxConfiguration {

    @Bean
    MailboxPoller mailboxPoller(MailboxSettings settings, DsnIngestion dsn, DsnSettings dsnSettings, MeterRegistry meters) {
        return new MailboxPoller(settings, dsn::ingest, dsnSettings.maxMessageSize().toBytes(), meters);
    }

    @Bean
    SchedulingConfigurer mailboxSchedule(MailboxPoller poller, MailboxSettings settings) {
        return registrar -> registrar.addFixedDelayTask(poller::pollOnce, settings.interval());
    }
}
