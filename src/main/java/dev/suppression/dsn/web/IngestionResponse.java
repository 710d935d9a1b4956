package dev.suppression.dsn.web;

import dev.suppression.bounce.IngestionOutcome;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The answer of {@code POST /bounces}, field for field: counts and one result per failed recipient, in order. */
record IngestionResponse(int accepted, int duplicates, int rejected, List<Result> results) {

    record Result(int index, String status, @Nullable String recipient, @Nullable String eventId,
                  @Nullable String classification, @Nullable String reason, @Nullable String detail,
                      @Nullable String stage, @Nullable String remoteMta, @Nullable String reportingMta) { }

    static IngestionResponse of(IngestionOutcome outcome) {
        return new IngestionResponse(outcome.accepted(), outcome.duplicates(), outcome.rejected(),
                outcome.results().stream().map(r -> new Result(r.index(), r.status().name().toLowerCase(Locale.ROOT),
                        r.recipient(), r.eventId(), r.classification() == null ? null : r.classification().name(),
                        r.reason() == null ? null : r.reason().name(), r.detail(),
                        r.stage() == null ? null : r.stage().name(), r.remoteMta(), r.reportingMta())).toList());
    }
}
