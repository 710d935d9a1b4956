package dev.suppression.suppression;

import dev.suppression.classification.Classification;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The suppression table a batch at a time, for ingestion: one query reads every address a batch touches and
 * one statement writes back what the rules changed. The entity manager's per-row merges and dirty checks cost
 * half of ingestion's CPU.
 */
@Repository
class SuppressionRows {

    private final JdbcClient jdbc;

    SuppressionRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored suppressions among {@code addresses}, by address. */
    Map<String, Suppression> findAll(Collection<String> addresses) {
        var found = new HashMap<String, Suppression>();
        if (addresses.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                select address, domain, active, reason, classification, since, last_response, rejecting_host,
                       last_bounce_id, cleared_at, probation_until, resuppressed_on_probation
                from suppression where address = any(?)
                """)
                .param(addresses.toArray(String[]::new))
                .query(rs -> {
                    var suppression = restore(rs);
                    found.put(suppression.address(), suppression);
                });
        return found;
    }

    /** Inserts or overwrites each suppression with its state in memory, in address order. */
    void saveAll(Collection<Suppression> suppressions) {
        if (suppressions.isEmpty()) {
            return;
        }
        var sorted = suppressions.stream().sorted(java.util.Comparator.comparing(Suppression::address)).toList();
        int n = sorted.size();
        var address = new String[n];
        var domain = new String[n];
        var active = new Boolean[n];
        var reason = new String[n];
        var classification = new String[n];
        var since = new String[n];
        var lastResponse = new String[n];
        var rejectingHost = new String[n];
        var lastBounceId = new Long[n];
        var clearedAt = new String[n];
        var probationUntil = new String[n];
        var resuppressed = new Boolean[n];
        for (int i = 0; i < n; i++) {
            var s = sorted.get(i);
            address[i] = s.address();
            domain[i] = s.domain();
            active[i] = s.isActive();
            reason[i] = s.reason().name();
            classification[i] = s.classification() == null ? null : s.classification().name();
            since[i] = s.since().toString();
            lastResponse[i] = s.lastResponse();
            rejectingHost[i] = s.rejectingHost();
            lastBounceId[i] = s.lastBounceId();
            clearedAt[i] = text(s.clearedAt());
            probationUntil[i] = text(s.probationUntil());
            resuppressed[i] = s.needsForceToClear();
        }
        jdbc.sql("""
                insert into suppression (address, domain, active, reason, classification, since, last_response,
                                         rejecting_host, last_bounce_id, cleared_at, probation_until,
                                         resuppressed_on_probation)
                select a, d, act, r, c, s::timestamptz, lr, rh, lb, ca::timestamptz, pu::timestamptz, rp
                from unnest(?::text[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                            ?::bigint[], ?::text[], ?::text[], ?::boolean[])
                    as x(a, d, act, r, c, s, lr, rh, lb, ca, pu, rp)
                on conflict (address) do update set
                    domain = excluded.domain, active = excluded.active, reason = excluded.reason,
                    classification = excluded.classification, since = excluded.since,
                    last_response = excluded.last_response, rejecting_host = excluded.rejecting_host,
                    last_bounce_id = excluded.last_bounce_id, cleared_at = excluded.cleared_at,
                    probation_until = excluded.probation_until,
                    resuppressed_on_probation = excluded.resuppressed_on_probation
                """)
                .params(address, domain, active, reason, classification, since, lastResponse, rejectingHost,
                        lastBounceId, clearedAt, probationUntil, resuppressed)
                .update();
    }

    /** Active suppressions passing the filter whose address sorts after {@code after}, in address order. */
    List<Suppression> activeAfter(SuppressionFilter filter, String after, int limit) {
        return jdbc.sql("""
                select address, domain, active, reason, classification, since, last_response, rejecting_host,
                       last_bounce_id, cleared_at, probation_until, resuppressed_on_probation
                from suppression
                where active and address > :after
                  and (cast(:domain as text) is null or domain = :domain)
                  and (cast(:reason as text) is null or reason = :reason)
                  and (cast(:sinceFrom as timestamptz) is null or since >= :sinceFrom)
                  and (cast(:sinceBefore as timestamptz) is null or since < :sinceBefore)
                order by address
                limit :limit
                """)
                .param("after", after)
                .param("domain", filter.domain() == null ? null : filter.domain().value())
                .param("reason", filter.reason() == null ? null : filter.reason().name())
                .param("sinceFrom", filter.sinceFrom() == null ? null : Timestamp.from(filter.sinceFrom()))
                .param("sinceBefore", filter.sinceBefore() == null ? null : Timestamp.from(filter.sinceBefore()))
                .param("limit", limit)
                .query((rs, n) -> restore(rs))
                .list();
    }

    /** A suppression from a row that holds the suppression table's columns under their own names. */
    static Suppression restore(ResultSet rs) throws SQLException {
        var classification = rs.getString("classification");
        return Suppression.restore(rs.getString("address"), rs.getString("domain"), rs.getBoolean("active"),
                SuppressionReason.valueOf(rs.getString("reason")),
                classification == null ? null : Classification.valueOf(classification),
                rs.getTimestamp("since").toInstant(), rs.getString("last_response"), rs.getString("rejecting_host"),
                (Long) rs.getObject("last_bounce_id"), instant(rs.getTimestamp("cleared_at")),
                instant(rs.getTimestamp("probation_until")), rs.getBoolean("resuppressed_on_probation"));
    }

    static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static @Nullable String text(@Nullable Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
