package dev.suppression.provider;

import dev.suppression.bounce.IngestionOutcome;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** What a provider gets back (providers only look at the 2xx; the body is for people debugging). */
record WebhookResponse(String provider, int accepted, int duplicates, int rejected, int counted,
                       Map<String, Integer> eventsByType, List<Rejection> rejections) {

    record Rejection(int index, @Nullable String eventId, @Nullable String detail) { }

    static WebhookResponse of(String provider, List<WebhookPayload.ProviderEvent> events, IngestionOutcome outcome) {
        var byType = new TreeMap<String, Integer>();
        events.forEach(e -> byType.merge(e.type(), 1, Integer::sum));
        var rejections = outcome.results().stream()
                .filter(r -> r.status() == IngestionOutcome.Status.REJECTED)
                .map(r -> new Rejection(r.index(), r.eventId(), r.detail())).toList();
        return new WebhookResponse(provider, outcome.accepted(), outcome.duplicates(), outcome.rejected(),
                outcome.counted(), byType, rejections);
    }
}
