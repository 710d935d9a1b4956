package dev.suppression.provider;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Webhook events by provider and type, and signature failures by provider. */
@Component
class WebhookMetrics {

    private final MeterRegistry meters;

    WebhookMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void event(String provider, String type) {
        Counter.builder("suppression.webhook.events").description("Webhook events received, by provider and type")
                .tag("provider", provider).tag("type", type).register(meters).increment();
    }

    void signatureFailure(String provider) {
        Counter.builder("suppression.webhook.signature.failures")
                .description("Webhook requests refused for a missing, wrong or replayed signature")
                .tag("provider", provider).register(meters).increment();
    }
}
