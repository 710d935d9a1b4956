package dev.suppression.recipientdomain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The recipient_domain rows as the batch paths need them: created and locked a whole set at a time, in one
 * global order, so that ingestion and import take a batch's locks in two statements instead of two per domain.
 */
@Repository
class DomainRows {

    /** What the cluster rule needs to know of a locked domain. */
    record PauseState(boolean paused, @Nullable Instant pausedAt, @Nullable Instant resumedAt,
                      @Nullable Instant clusterNotedAt) { }

    private final JdbcClient jdbc;

    DomainRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the rows that do not exist yet. {@code names} must be sorted. */
    void insertMissing(String[] names) {
        jdbc.sql("insert into recipient_domain (domain) select unnest(?::text[]) on conflict do nothing")
                .param(names).update();
    }

    /**
     * Takes the row locks in name order and reads what the cluster rule needs of each locked row: PostgreSQL
     * locks the rows as the sorted scan emits them, so two transactions locking overlapping sets queue instead
     * of deadlocking, and a row that another transaction changed while this one waited is read as it committed.
     */
    Map<String, PauseState> lockInOrder(String[] names) {
        var states = new HashMap<String, PauseState>();
        jdbc.sql("""
                select domain, paused, paused_at, resumed_at, cluster_noted_at from recipient_domain
                where domain = any(?) order by domain for update
                """)
                .param(names)
                .query(rs -> {
                    states.put(rs.getString("domain"), new PauseState(rs.getBoolean("paused"),
                            instant(rs.getTimestamp("paused_at")), instant(rs.getTimestamp("resumed_at")),
                            instant(rs.getTimestamp("cluster_noted_at"))));
                });
        return states;
    }

    /** A domain on the watch list: its pause and how many distinct addresses its window counts. */
    record Watched(String domain, boolean paused, @Nullable Instant pausedAt, @Nullable Instant resumedAt,
                   long distinctAddresses) { }

    /**
     * Every paused domain, and every other domain whose window (opening at {@code windowOpens}, or at its resume if
     * later) counts at least {@code atLeast} distinct addresses; paused first, then the most addresses first.
     */
    List<Watched> watched(Instant windowOpens, int atLeast, int limit) {
        return jdbc.sql("""
                with recent as (
                    select b.domain, count(*) as n
                    from domain_bounced_address b join recipient_domain d on d.domain = b.domain
                    where b.last_bounce_at > greatest(:opens, coalesce(d.resumed_at, :opens))
                    group by b.domain)
                select d.domain, d.paused, d.paused_at, d.resumed_at, coalesce(r.n, 0) as n
                from recipient_domain d left join recent r on r.domain = d.domain
                where d.paused or r.n >= :atLeast
                order by d.paused desc, n desc, d.domain
                limit :limit
                """)
                .param("opens", Timestamp.from(windowOpens)).param("atLeast", atLeast).param("limit", limit)
                .query((rs, n) -> new Watched(rs.getString("domain"), rs.getBoolean("paused"),
                        instant(rs.getTimestamp("paused_at")), instant(rs.getTimestamp("resumed_at")), rs.getLong("n")))
                .list();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** Pauses a domain unless it already is: a paused domain keeps its original pause time. */
    boolean pause(String domain, Instant now) {
        return jdbc.sql("update recipient_domain set paused = true, paused_at = ? where domain = ? and not paused")
                .params(Timestamp.from(now), domain).update() == 1;
    }

    /** Marks the domains' current clusters as seen, so that each one's lookup and alert happen once. */
    void noteClusters(String[] domains, Instant now) {
        if (domains.length == 0) {
            return;
        }
        jdbc.sql("update recipient_domain set cluster_noted_at = ? where domain = any(?)")
                .params(Timestamp.from(now), domains).update();
    }
}
