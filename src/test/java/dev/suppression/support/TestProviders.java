package dev.suppression.support;

import org.springframework.boot.test.context.TestConfiguration;

/**
 * Offline stand-ins for what providers would fetch from the internet (the SNS signing certificate), shared
 * by every integration test context; tests never call out.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestProviders {
}
