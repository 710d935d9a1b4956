package dev.suppression.suppression;

import dev.suppression.address.EmailAddress;
import java.sql.Timestamp;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The check's database read: the address's suppression row and its domain's pause and cluster count in one
 * statement. One round trip instead of three, and both halves of the answer come from the same snapshot.
 */
@Repository
class CheckLookup {

    /** What the database holds for an address and its domain; {@code suppression} is null when it has no row. */
    record Found(@Nullable Suppression suppression, boolean domainPaused, @Nullable Instant domainPausedAt,
                 long distinctAddresses, Instant windowStart) { }

    private final JdbcClient jdbc;

    CheckLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param windowStart where the cluster window opens unless the domain was resumed since then, in which
     *                    case counting starts at the resume
     */
    Found find(EmailAddress address, Instant windowStart) {
        var domain = address.domain().value();
        return jdbc.sql("""
                select s.address, s.domain, s.active, s.reason, s.classification, s.since, s.last_response, s.rejecting_host,
                       s.last_bounce_id, s.cleared_at, s.probation_until, s.resuppressed_on_probation,
                       coalesce(d.paused, false) as paused, d.paused_at, w.start as window_start,
                       (select count(*) from domain_bounced_address b
                        where b.domain = k.domain and b.last_bounce_at > w.start) as bounced
                from (select ?::text as address, ?::text as domain) k
                left join suppression s on s.address = k.address
                left join recipient_domain d on d.domain = k.domain
                cross join lateral (select greatest(?::timestamptz, d.resumed_at) as start) w
                """)
                .params(address.value(), domain, Timestamp.from(windowStart))
                .query((rs, n) -> new Found(rs.getString("address") == null ? null : SuppressionRows.restore(rs),
                        rs.getBoolean("paused"), SuppressionRows.instant(rs.getTimestamp("paused_at")),
                        rs.getLong("bounced"), rs.getTimestamp("window_start").toInstant()))
                .single();
    }
}
