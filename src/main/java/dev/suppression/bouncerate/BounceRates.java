package dev.suppression.bouncerate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The rates per stream, list source or recipient domain over a window, each row judged. */
@Service
public class BounceRates {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final BounceRateSettings settings;

    BounceRates(JdbcClient jdbc, Clock clock, BounceRateSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /** What one read found: the rows, worst level first, then highest hard-bounce rate. */
    public record Report(RateDimension by, Duration window, Instant since, RateThresholds thresholds, List<RateRow> rows) { }

    public Report over(RateDimension by, Duration window) {
        var since = clock.instant().minus(window);
        var thresholds = settings.thresholds();
        // The column name comes from the enum, never from the request.
        var rows = jdbc.sql("""
                select %1$s as key, sum(sent) as sent, sum(delivered) as delivered, sum(hard_bounces) as hard,
                       sum(complaints) as complaints
                from send_tally where minute >= ? group by %1$s
                """.formatted(by.column))
                .param(Timestamp.from(since.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)))
                .query((rs, n) -> RateRow.of(rs.getString("key").isEmpty() ? null : rs.getString("key"),
                        rs.getLong("sent"), rs.getLong("delivered"), rs.getLong("hard"), rs.getLong("complaints"),
                        thresholds))
                .list().stream()
                .sorted(Comparator.comparing(RateRow::level).reversed()
                        .thenComparing(r -> r.hardBounceRate() == null ? 0 : -r.hardBounceRate())
                        .thenComparing(r -> r.key() == null ? "" : r.key()))
                .toList();
        return new Report(by, window, since, thresholds, rows);
    }
}
