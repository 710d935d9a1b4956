package dev.suppression.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Background jobs (retention); tests and tools can switch them off with suppression.scheduling.enabled=false. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "suppression.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {
}
