package dev.suppression.bounce;

import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prunes raw bounce events and rejected events past their retention age, in small batches. The bounces of
 * addresses that are suppressed now are their evidence and stay, as does every state change.
 * Several instances may run it at once: deleting the same old rows twice is harmless.
 */
@Component
public class BounceRetention {

    private static final Logger log = LoggerFactory.getLogger(BounceRetention.class);
    private static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final RetentionSettings settings;
    private final Clock clock;

    BounceRetention(JdbcClient jdbc, TransactionTemplate transaction, RetentionSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${suppression.retention.cron:0 17 3 * * *}")
    public void scheduledPrune() {
        var pruned = prune();
        log.info("Retention pruned {} bounce events and {} rejected events older than {}", pruned.bounceEvents(),
                pruned.rejectedEvents(), settings.maxAge());
    }

    /** Deletes what is past retention; returns how many rows went. */
    public Pruned prune() {
        var cutoff = Timestamp.from(clock.instant().minus(settings.maxAge()));
        long bounces = 0;
        long rejected = 0;
        int deleted;
        do {
            deleted = transaction.execute(status -> {
                // The append-only trigger lets only a transaction marked like this delete evidence.
                jdbc.sql("select set_config('suppression.retention', 'on', true)").query().singleValue();
                return jdbc.sql("""
                        delete from bounce_event where id in (
                            select b.id from bounce_event b
                            where b.received_at < :cutoff
                              and not exists (select 1 from suppression s where s.address = b.recipient and s.active)
                            limit :batch)
                        """).param("cutoff", cutoff).param("batch", BATCH).update();
            });
            bounces += deleted;
        } while (deleted == BATCH);
        do {
            deleted = jdbc.sql("""
                    delete from rejected_event where id in (
                        select id from rejected_event where received_at < :cutoff limit :batch)
                    """).param("cutoff", cutoff).param("batch", BATCH).update();
            rejected += deleted;
        } while (deleted == BATCH);
        return new Pruned(bounces, rejected);
    }

    public record Pruned(long bounceEvents, long rejectedEvents) { }
}
