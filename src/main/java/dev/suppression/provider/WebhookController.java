package dev.suppression.provider;

import dev.suppression.bounce.BounceIngestion;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/{provider}}: verify on the raw bytes, map, ingest through the one ingestion path, and
 * answer 2xx only once the events are committed (every provider retries on anything else).
 */
@RestController
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final Map<String, WebhookAdapter> adapters;
    private final BounceIngestion ingestion;
    private final ProviderReceipts receipts;
    private final WebhookMetrics metrics;

    WebhookController(List<WebhookAdapter> adapters, BounceIngestion ingestion, ProviderReceipts receipts,
                      WebhookMetrics metrics) {
        this.adapters = adapters.stream().collect(Collectors.toMap(WebhookAdapter::provider, Function.identity()));
        this.ingestion = ingestion;
        this.receipts = receipts;
        this.metrics = metrics;
    }

    @PostMapping("/webhooks/{provider}")
    WebhookResponse receive(@PathVariable String provider, @RequestBody(required = false) byte[] body,
                            @RequestHeader HttpHeaders headers, HttpServletRequest servletRequest) {
        var adapter = adapters.get(provider);
        if (adapter == null || !adapter.isConfigured()) {
            throw new UnknownProviderException(provider);
        }
        var request = new WebhookRequest(provider, body == null ? new byte[0] : body, headers,
                servletRequest.getRemoteAddr());
        try {
            adapter.verify(request);
        } catch (WebhookAuthenticationException e) {
            metrics.signatureFailure(provider);
            log.warn("Refused a {} webhook from {}: {}", provider, request.remoteAddress(), e.getMessage());
            throw e;
        }
        var payload = adapter.parse(request);
        var submissions = payload.events().stream().map(WebhookPayload.ProviderEvent::submission).toList();
        var deliveryId = payload.deliveryId();
        var outcome = deliveryId == null
                ? ingestion.ingest(submissions)
                : ingestion.ingest(submissions, () -> receipts.record(provider, deliveryId));
        payload.events().forEach(e -> metrics.event(provider, e.type()));
        return WebhookResponse.of(provider, payload.events(), outcome);
    }
}
