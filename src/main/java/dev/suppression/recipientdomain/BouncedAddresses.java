package dev.suppression.recipientdomain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hard-bounced addresses at each domain, with their latest bounce: what a cluster is counted from. */
@Repository
class BouncedAddresses {

    private final JdbcClient jdbc;

    BouncedAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records a batch of hard bounces in one statement; a late-arriving older bounce never hides a newer one.
     * One statement cannot touch a row twice, so the caller passes each (domain, address) once, with its latest
     * bounce.
     */
    void recordAll(List<DomainBounce> bounces) {
        if (bounces.isEmpty()) {
            return;
        }
        int n = bounces.size();
        var domains = new String[n];
        var addresses = new String[n];
        var at = new String[n];
        var responses = new String[n];
        var hosts = new String[n];
        for (int i = 0; i < n; i++) {
            var b = bounces.get(i);
            domains[i] = b.domain().value();
            addresses[i] = b.address();
            at[i] = b.occurredAt().toString();
            responses[i] = b.response();
            hosts[i] = b.rejectingHost();
        }
        jdbc.sql("""
                insert into domain_bounced_address (domain, address, last_bounce_at, last_response, rejecting_host)
                select d, a, t::timestamptz, r, h from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    as x(d, a, t, r, h)
                order by d, a
                on conflict (domain, address) do update set
                    last_response  = case when excluded.last_bounce_at >= domain_bounced_address.last_bounce_at
                                          then excluded.last_response else domain_bounced_address.last_response end,
                    rejecting_host = case when excluded.last_bounce_at >= domain_bounced_address.last_bounce_at
                                          then excluded.rejecting_host else domain_bounced_address.rejecting_host end,
                    last_bounce_at = greatest(excluded.last_bounce_at, domain_bounced_address.last_bounce_at)
                """)
                .params(domains, addresses, at, responses, hosts)
                .update();
    }

    /** The distinct addresses each domain counts, each from its own window start, in one query. */
    Map<String, Long> countSince(Map<String, Instant> windowStarts) {
        var domains = windowStarts.keySet().toArray(String[]::new);
        var starts = new String[domains.length];
        for (int i = 0; i < domains.length; i++) {
            starts[i] = windowStarts.get(domains[i]).toString();
        }
        var counts = new HashMap<String, Long>();
        jdbc.sql("""
                select w.d, (select count(*) from domain_bounced_address b
                             where b.domain = w.d and b.last_bounce_at > w.s::timestamptz) as n
                from unnest(?::text[], ?::text[]) as w(d, s)
                """)
                .params(domains, starts)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    long countSince(String domain, Instant windowStart) {
        return jdbc.sql("select count(*) from domain_bounced_address where domain = :domain and last_bounce_at > :start")
                .param("domain", domain).param("start", Timestamp.from(windowStart))
                .query(Long.class).single();
    }

    List<BouncedAddress> listSince(String domain, Instant windowStart) {
        return jdbc.sql("""
                select address, last_bounce_at, last_response, rejecting_host from domain_bounced_address
                where domain = :domain and last_bounce_at > :start order by last_bounce_at, address
                """)
                .param("domain", domain).param("start", Timestamp.from(windowStart))
                .query((rs, n) -> new BouncedAddress(rs.getString("address"),
                        rs.getTimestamp("last_bounce_at").toInstant(), rs.getString("last_response"),
                        rs.getString("rejecting_host")))
                .list();
    }

    /**
     * For each domain, the hosts that refused its addresses since its window opened, most addresses first (at
     * most five, each as "host (count)"), in one query. A domain with no known rejecting host is absent.
     */
    Map<String, List<String>> rejectingHostsSince(Map<String, Instant> windowStarts) {
        var result = new HashMap<String, List<String>>();
        if (windowStarts.isEmpty()) {
            return result;
        }
        var domains = windowStarts.keySet().toArray(String[]::new);
        var starts = new String[domains.length];
        for (int i = 0; i < domains.length; i++) {
            starts[i] = windowStarts.get(domains[i]).toString();
        }
        jdbc.sql("""
                select w.d, h.host
                from unnest(?::text[], ?::text[]) as w(d, s)
                cross join lateral (
                    select rejecting_host || ' (' || count(*) || ')' as host, count(*) as n, rejecting_host
                    from domain_bounced_address
                    where domain = w.d and last_bounce_at > w.s::timestamptz and rejecting_host is not null
                    group by rejecting_host order by count(*) desc, rejecting_host limit 5) h
                order by w.d, h.n desc, h.rejecting_host
                """)
                .params(domains, starts)
                .query(rs -> {
                    result.computeIfAbsent(rs.getString(1), d -> new ArrayList<>()).add(rs.getString(2));
                });
        return result;
    }
}
