package dev.suppression.support;

import dev.suppression.provider.ses.OfflineSigningCertificates;
import dev.suppression.provider.ses.RecordingSnsSubscriptions;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Offline stand-ins for what providers would fetch from the internet (the SNS signing certificate), shared
 * by every integration test context; tests never call out.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestProviders {

    /** Answers every SNS certificate URL with the test certificate whose private key signs the test messages. */
    @Bean
    @Primary
    OfflineSigningCertificates offlineSnsSigningCertificates() {
        return new OfflineSigningCertificates();
    }

    /** Records SNS subscription confirmations instead of visiting the SubscribeURL. */
    @Bean
    @Primary
    RecordingSnsSubscriptions recordingSnsSubscriptions() {
        return new RecordingSnsSubscriptions();
    }
}
