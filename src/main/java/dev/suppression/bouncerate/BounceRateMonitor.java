package dev.suppression.bouncerate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every minute: the rates per stream and per list source over {@code suppression.bounce-rates.alert-window} as
 * Prometheus gauges, and an alert through the outbox when one turns CRITICAL. Which source was at which level is
 * kept in the database (bounce_rate_level) and claimed with an upsert, so with several instances judging, a
 * turn to CRITICAL alerts once. Recipient domains are not gauged: there are too many of them for a time series.
 */
@Component
public class BounceRateMonitor {

    private static final Logger log = LoggerFactory.getLogger(BounceRateMonitor.class);
    /** The most rows per dimension made into gauges, worst first; a runaway tag must not explode the series. */
    static final int MAX_GAUGED = 200;
    static final List<RateDimension> WATCHED = List.of(RateDimension.STREAM, RateDimension.LIST_SOURCE);

    private final BounceRates rates;
    private final BounceRateSettings settings;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Map<String, MultiGauge> gauges = new ConcurrentHashMap<>();
    private final MeterRegistry meters;

    BounceRateMonitor(BounceRates rates, BounceRateSettings settings, JdbcClient jdbc, Clock clock,
                      ApplicationEventPublisher events, MeterRegistry meters) {
        this.rates = rates;
        this.settings = settings;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.meters = meters;
        for (var name : List.of("hard", "complaint", "sent", "level")) {
            gauges.put(name, MultiGauge.builder("suppression.bounce.rate." + name)
                    .description(switch (name) {
                        case "hard" -> "Hard bounces / sent over the alert window, per stream or list source";
                        case "complaint" -> "Complaints / sent over the alert window, per stream or list source";
                        case "sent" -> "Sends over the alert window, per stream or list source";
                        default -> "Level over the alert window: 0 LOW_VOLUME, 1 OK, 2 WARN, 3 CRITICAL";
                    })
                    .register(meters));
        }
    }

    @Scheduled(fixedDelayString = "${suppression.bounce-rates.check-every:60s}", initialDelayString = "30s")
    void scheduled() {
        try {
            judge();
        } catch (RuntimeException e) {
            log.warn("Judging the bounce rates failed; the next run retries: {}", e.getMessage());
        }
    }

    /** The counters are read over at most 31 days; older minutes are deleted with the rest of the retention run. */
    @Scheduled(cron = "${suppression.retention.cron:0 17 3 * * *}")
    void pruneOldCounters() {
        var before = Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(32)));
        int deleted = jdbc.sql("delete from send_tally where minute < ?").param(before).update();
        if (deleted > 0) {
            log.info("Pruned {} bounce-rate counter rows older than {}", deleted, before.toInstant());
        }
    }

    /** Refreshes the gauges and alerts on every turn to CRITICAL; returns the rows that turned. */
    @Transactional
    public List<SourceTurnedCritical> judge() {
        var turned = new ArrayList<SourceTurnedCritical>();
        var hard = new ArrayList<MultiGauge.Row<?>>();
        var complaint = new ArrayList<MultiGauge.Row<?>>();
        var sent = new ArrayList<MultiGauge.Row<?>>();
        var level = new ArrayList<MultiGauge.Row<?>>();
        var now = clock.instant();
        for (var dimension : WATCHED) {
            var report = rates.over(dimension, settings.alertWindow());
            int gauged = 0;
            for (var row : report.rows()) {
                if (row.key() == null) {
                    continue; // events that named no stream or source: in GET /stats/bounce-rates, not a series
                }
                var key = row.key();
                if (gauged++ < MAX_GAUGED) {
                    var tags = Tags.of("by", dimension.wireName(), "key", key);
                    hard.add(MultiGauge.Row.of(tags, row.hardBounceRate() == null ? 0 : row.hardBounceRate()));
                    complaint.add(MultiGauge.Row.of(tags, row.complaintRate() == null ? 0 : row.complaintRate()));
                    sent.add(MultiGauge.Row.of(tags, row.sent()));
                    level.add(MultiGauge.Row.of(tags, row.level().ordinal()));
                }
                if (changedTo(dimension, key, row.level(), now) && row.level() == RateLevel.CRITICAL) {
                    var event = new SourceTurnedCritical(dimension, key, row, settings.alertWindow(), now);
                    log.warn("{} {} turned CRITICAL: {} hard bounces and {} complaints in {} sends", dimension.wireName(),
                            key, row.hardBounces(), row.complaints(), row.sent());
                    events.publishEvent(event);
                    turned.add(event);
                }
            }
        }
        gauges.get("hard").register(hard, true);
        gauges.get("complaint").register(complaint, true);
        gauges.get("sent").register(sent, true);
        gauges.get("level").register(level, true);
        return turned;
    }

    /** Records the level; true when this call changed it (or saw the source for the first time). */
    private boolean changedTo(RateDimension dimension, String key, RateLevel level, java.time.Instant now) {
        return !jdbc.sql("""
                insert into bounce_rate_level as l (dimension, key, level, changed_at) values (?, ?, ?, ?)
                on conflict (dimension, key) do update set level = excluded.level, changed_at = excluded.changed_at
                where l.level <> excluded.level
                returning level
                """)
                .params(dimension.wireName(), key.length() <= 253 ? key : key.substring(0, 253), level.name(),
                        Timestamp.from(now))
                .query(String.class).list().isEmpty();
    }
}
