package dev.suppression.bouncerate;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The per-minute counters behind the bounce rates. Each batch adds to its rows with one upsert whose increments
 * PostgreSQL applies atomically, so two instances ingesting at once never lose a count; the rows are written in
 * key order, so two batches that share rows wait on each other instead of deadlocking. Unknown labels are stored
 * as '' (a primary key column cannot be null) and read back as null.
 */
@Repository
public class SendTallies {

    private final JdbcClient jdbc;

    SendTallies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the tallies, merged per row, in the caller's transaction. */
    public void add(List<Tally> tallies) {
        if (tallies.isEmpty()) {
            return;
        }
        record Key(long minute, String stream, String listSource, String domain) implements Comparable<Key> {
            @Override
            public int compareTo(Key o) {
                int c = Long.compare(minute, o.minute);
                if (c == 0) c = stream.compareTo(o.stream);
                if (c == 0) c = listSource.compareTo(o.listSource);
                return c != 0 ? c : domain.compareTo(o.domain);
            }
        }
        Map<Key, long[]> merged = new TreeMap<>();
        for (var t : tallies) {
            var key = new Key(t.minute().toEpochMilli(), orEmpty(t.labels().stream()), orEmpty(t.labels().listSource()),
                    orEmpty(t.recipientDomain()));
            var sums = merged.computeIfAbsent(key, k -> new long[4]);
            sums[0] += t.sent();
            sums[1] += t.delivered();
            sums[2] += t.hardBounces();
            sums[3] += t.complaints();
        }
        int n = merged.size();
        var minutes = new Timestamp[n];
        var streams = new String[n];
        var sources = new String[n];
        var domains = new String[n];
        var sent = new Long[n];
        var delivered = new Long[n];
        var hard = new Long[n];
        var complaints = new Long[n];
        int i = 0;
        for (var entry : merged.entrySet()) {
            var key = entry.getKey();
            minutes[i] = new Timestamp(key.minute());
            streams[i] = key.stream();
            sources[i] = key.listSource();
            domains[i] = key.domain();
            sent[i] = entry.getValue()[0];
            delivered[i] = entry.getValue()[1];
            hard[i] = entry.getValue()[2];
            complaints[i] = entry.getValue()[3];
            i++;
        }
        jdbc.sql("""
                insert into send_tally as t (minute, stream, list_source, recipient_domain, sent, delivered,
                                             hard_bounces, complaints)
                select m, s, l, d, se, de, h, c
                from unnest(?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[],
                            ?::bigint[]) with ordinality as x(m, s, l, d, se, de, h, c, n)
                order by n
                on conflict (minute, stream, list_source, recipient_domain) do update set
                    sent = t.sent + excluded.sent, delivered = t.delivered + excluded.delivered,
                    hard_bounces = t.hard_bounces + excluded.hard_bounces, complaints = t.complaints + excluded.complaints
                """)
                .params(minutes, streams, sources, domains, sent, delivered, hard, complaints)
                .update();
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
