package dev.suppression.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/** Points the service's DNS at the run's {@link TestDnsServer}: no test ever asks a real resolver. */
@TestConfiguration(proxyBeanMethods = false)
public class TestDns {

    // The server outlives each context: the run shares it.
    @Bean(destroyMethod = "")
    TestDnsServer testDnsServer() {
        return TestDnsServer.shared();
    }

    @Bean
    DynamicPropertyRegistrar dnsServers() {
        return registry -> {
            registry.add("suppression.dns.servers", () -> TestDnsServer.shared().address());
            // Tests change a domain's records between lookups: keep no answer longer than its TTL says.
            registry.add("suppression.dns.min-ttl", () -> "0s");
        };
    }
}
