package dev.suppression.diagnosis;

import dev.suppression.address.DomainName;
import dev.suppression.dns.MailRoute;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The mail route seen for each domain, and the history of its changes (tables domain_mx, domain_mx_change). */
@Repository
class MxEvidence {

    private final JdbcClient jdbc;

    MxEvidence(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records one lookup. A route that differs from the stored one is a change, kept in the history; a failed
     * lookup is noted beside the last route seen and changes nothing else. The domain's row is locked, so two
     * instances looking up at once record one change, not two.
     */
    @Transactional
    public void record(DomainName domain, MailRoute route, Instant at) {
        jdbc.sql("insert into domain_mx (domain) values (?) on conflict do nothing").param(domain.value()).update();
        var stored = lock(domain);
        var seen = SeenRoute.of(route);
        if (seen.isEmpty()) {
            var why = ((MailRoute.Unknown) route).why();
            jdbc.sql("update domain_mx set failed_at = ?, failure = ? where domain = ?")
                    .params(Timestamp.from(at), why, domain.value()).update();
            return;
        }
        var now = seen.get();
        if (stored.route() != null && stored.route().sameRouteAs(now)) {
            jdbc.sql("update domain_mx set checked_at = ?, detail = ?, failed_at = null, failure = null where domain = ?")
                    .params(Timestamp.from(at), now.detail(), domain.value()).update();
            return;
        }
        var previous = stored.route();
        jdbc.sql("""
                insert into domain_mx_change (domain, seen_at, routing, hosts, previous_routing, previous_hosts,
                    previous_checked_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """)
                .params(domain.value(), Timestamp.from(at), now.kind().name(), now.storedHosts(),
                        previous == null ? null : previous.kind().name(),
                        previous == null ? null : previous.storedHosts(), timestamp(stored.checkedAt()))
                .update();
        jdbc.sql("""
                update domain_mx set routing = ?, hosts = ?, detail = ?, seen_since = ?, checked_at = ?,
                    failed_at = null, failure = null
                where domain = ?
                """)
                .params(now.kind().name(), now.storedHosts(), now.detail(), Timestamp.from(at), Timestamp.from(at),
                        domain.value())
                .update();
    }

    @Transactional(readOnly = true)
    public Optional<MxRecordsNow> current(DomainName domain) {
        return jdbc.sql("select routing, hosts, detail, seen_since, checked_at, failed_at, failure from domain_mx where domain = ?")
                .param(domain.value())
                .query((rs, n) -> new MxRecordsNow(
                        rs.getString("routing") == null ? null
                                : SeenRoute.stored(rs.getString("routing"), rs.getString("hosts"), rs.getString("detail")),
                        instant(rs.getTimestamp("seen_since")), instant(rs.getTimestamp("checked_at")),
                        instant(rs.getTimestamp("failed_at")), rs.getString("failure")))
                .optional();
    }

    /** Every route change seen, oldest first. */
    @Transactional(readOnly = true)
    public List<MxChange> history(DomainName domain) {
        return jdbc.sql("""
                select seen_at, routing, hosts, previous_routing, previous_hosts, previous_checked_at
                from domain_mx_change where domain = ? order by id
                """)
                .param(domain.value())
                .query((rs, n) -> new MxChange(rs.getTimestamp("seen_at").toInstant(),
                        SeenRoute.stored(rs.getString("routing"), rs.getString("hosts"), null),
                        rs.getString("previous_routing") == null ? null
                                : SeenRoute.stored(rs.getString("previous_routing"), rs.getString("previous_hosts"), null),
                        instant(rs.getTimestamp("previous_checked_at"))))
                .list();
    }

    private MxRecordsNow lock(DomainName domain) {
        return jdbc.sql("select routing, hosts, detail, seen_since, checked_at from domain_mx where domain = ? for update")
                .param(domain.value())
                .query((rs, n) -> new MxRecordsNow(
                        rs.getString("routing") == null ? null
                                : SeenRoute.stored(rs.getString("routing"), rs.getString("hosts"), rs.getString("detail")),
                        instant(rs.getTimestamp("seen_since")), instant(rs.getTimestamp("checked_at")), null, null))
                .single();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
