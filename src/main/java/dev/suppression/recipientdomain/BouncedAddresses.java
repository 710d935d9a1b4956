package dev.suppression.recipientdomain;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The hard-bounced addresses at each domain, with their latest bounce: what a cluster is counted from. */
@Repository
class BouncedAddresses {

    private final JdbcClient jdbc;

    BouncedAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a hard bounce; a late-arriving older bounce never hides a newer one. */
    void record(String domain, String address, Instant occurredAt, @Nullable String response,
                @Nullable String rejectingHost) {
        jdbc.sql("""
                insert into domain_bounced_address (domain, address, last_bounce_at, last_response, rejecting_host)
                values (:domain, :address, :at, :response, :host)
                on conflict (domain, address) do update set
                    last_response  = case when excluded.last_bounce_at >= domain_bounced_address.last_bounce_at
                                          then excluded.last_response else domain_bounced_address.last_response end,
                    rejecting_host = case when excluded.last_bounce_at >= domain_bounced_address.last_bounce_at
                                          then excluded.rejecting_host else domain_bounced_address.rejecting_host end,
                    last_bounce_at = greatest(excluded.last_bounce_at, domain_bounced_address.last_bounce_at)
                """)
                .param("domain", domain).param("address", address).param("at", Timestamp.from(occurredAt))
                .param("response", response).param("host", rejectingHost)
                .update();
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
}
