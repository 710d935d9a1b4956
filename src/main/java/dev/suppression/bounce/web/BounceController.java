package dev.suppression.bounce.web;

import dev.suppression.bounce.BounceIngestion;
import dev.suppression.bounce.IngestionOutcome;
import dev.suppression.bounce.IngestionSettings;
import dev.suppression.bounce.RejectedEvents;
import dev.suppression.bounce.Submission;
import dev.suppression.web.BadRequestException;
import dev.suppression.web.PayloadTooLargeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The generic bounce endpoint: one event or an array of events in our own JSON format. */
@RestController
class BounceController {

    private final BounceIngestion ingestion;
    private final GenericBounceReader reader;
    private final RejectedEvents rejected;
    private final IngestionSettings settings;

    BounceController(BounceIngestion ingestion, GenericBounceReader reader, RejectedEvents rejected,
                     IngestionSettings settings) {
        this.ingestion = ingestion;
        this.reader = reader;
        this.rejected = rejected;
        this.settings = settings;
    }

    @PostMapping(path = "/bounces", consumes = MediaType.APPLICATION_JSON_VALUE)
    IngestionResponse ingest(@RequestBody JsonNode body) {
        List<JsonNode> events = new ArrayList<>();
        if (body.isArray()) {
            if (body.size() > settings.maxBatchSize()) {
                throw new PayloadTooLargeException("A batch holds at most " + settings.maxBatchSize()
                        + " events; this one has " + body.size() + ". Split it into smaller batches.");
            }
            body.forEach(events::add);
        } else if (body.isObject()) {
            events.add(body);
        } else {
            throw new BadRequestException("The body must be one event object or an array of event objects.");
        }
        List<Submission> batch = events.stream().map(reader::read).toList();
        return IngestionResponse.of(ingestion.ingest(batch));
    }

    @GetMapping("/bounces/rejected")
    RejectedPage rejected(@RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) @Nullable Long cursor) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("'limit' must be between 1 and 1000, not " + limit + ".");
        }
        var items = rejected.page(cursor, limit + 1);
        var page = items.stream().limit(limit).toList();
        return new RejectedPage(page, items.size() > limit ? String.valueOf(page.getLast().id()) : null);
    }

    record RejectedPage(List<RejectedEvents.RejectedEvent> items, @Nullable String nextCursor) { }

    /** The JSON answer to a batch: counts and one result per input event, in input order. */
    record IngestionResponse(int accepted, int duplicates, int rejected, List<Result> results) {

        record Result(int index, String status, @Nullable String recipient, @Nullable String eventId,
                      @Nullable String classification, @Nullable String reason, @Nullable String detail,
                      @Nullable String stage, @Nullable String remoteMta, @Nullable String reportingMta) { }

        static IngestionResponse of(IngestionOutcome outcome) {
            return new IngestionResponse(outcome.accepted(), outcome.duplicates(), outcome.rejected(),
                    outcome.results().stream().map(r -> new Result(r.index(),
                            r.status().name().toLowerCase(Locale.ROOT), r.recipient(), r.eventId(),
                            r.classification() == null ? null : r.classification().name(),
                            r.reason() == null ? null : r.reason().name(), r.detail(),
                            r.stage() == null ? null : r.stage().name(), r.remoteMta(), r.reportingMta())).toList());
        }
    }
}
