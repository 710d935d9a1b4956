package dev.suppression.bounce;

import java.sql.Date;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts of non-bounce webhook events per provider, sending domain, UTC day and type. */
@Repository
public class DeliveryStats {

    static final String UNKNOWN_DOMAIN = "unknown";

    private final JdbcClient jdbc;

    DeliveryStats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds a batch's activities, one upsert per counter, in key order so concurrent batches never deadlock. */
    void add(List<ActivityReport> activities) {
        Map<String, Counter> counters = new TreeMap<>();
        for (var a : activities) {
            var domain = a.sendingDomain() == null || a.sendingDomain().isBlank() ? UNKNOWN_DOMAIN : a.sendingDomain();
            var day = a.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate();
            var key = a.source() + "|" + domain + "|" + day + "|" + a.type();
            counters.computeIfAbsent(key, k -> new Counter(a.source(), domain, Date.valueOf(day), a.type())).count++;
        }
        for (var c : counters.values()) {
            jdbc.sql("""
                    insert into delivery_stat (provider, sending_domain, day, event_type, count)
                    values (:provider, :domain, :day, :type, :count)
                    on conflict (provider, sending_domain, day, event_type)
                    do update set count = delivery_stat.count + excluded.count
                    """)
                    .param("provider", truncate(c.provider, 30)).param("domain", truncate(c.domain, 253))
                    .param("day", c.day).param("type", truncate(c.type, 50)).param("count", c.count)
                    .update();
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    private static final class Counter {
        final String provider;
        final String domain;
        final Date day;
        final String type;
        long count;

        Counter(String provider, String domain, Date day, String type) {
            this.provider = provider;
            this.domain = domain;
            this.day = day;
            this.type = type;
        }
    }
}
