package dev.suppression.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the database itself costs, measured on the service's own PostgreSQL in the same run:
 *
 * <pre>
 * lookup --jdbc URL --file F --threads 16 --seconds S --warmup W --out F
 *     point lookups of the probe addresses on the suppression table, one pooled connection per lookup
 * insert --jdbc URL --threads 4 --batch 500 --seconds S --out F
 *     batch inserts of rows shaped like the ingested events into a scratch copy of bounce_event
 * </pre>
 */
public final class JdbcBaselines {

    private JdbcBaselines() {
    }

    public static void main(String[] args) throws Exception {
        var options = BenchClient.options(args);
        Map<String, Object> figures = switch (args[0]) {
            case "lookup" -> lookup(options);
            case "insert" -> insert(options);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        };
        var out = Path.of(options.get("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        BenchClient.JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), figures);
        System.out.println(BenchClient.JSON.writeValueAsString(figures));
        System.exit(0);
    }

    private static HikariDataSource pool(String url, int size) {
        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setPoolName("bench-baseline");
        return new HikariDataSource(config);
    }

    static Map<String, Object> lookup(Map<String, String> options) throws Exception {
        List<String> addresses = BenchClient.readProbes(Path.of(options.get("file"))).stream()
                .map(BenchData.Probe::address).toList();
        int threads = Integer.parseInt(options.get("threads"));
        double seconds = Double.parseDouble(options.get("seconds"));
        double warmup = Double.parseDouble(options.getOrDefault("warmup", "2"));
        var found = new AtomicLong();
        try (var pool = pool(options.get("jdbc"), threads)) {
            BenchClient.Call lookup = (worker, histogram) -> {
                var address = addresses.get(ThreadLocalRandom.current().nextInt(addresses.size()));
                try (var connection = pool.getConnection();
                     var statement = connection.prepareStatement("""
                             select address, domain, active, reason, classification, since, last_response,
                                    rejecting_host, cleared_at, probation_until, resuppressed_on_probation
                             from suppression where address = ?""")) {
                    statement.setString(1, address);
                    try (var rs = statement.executeQuery()) {
                        if (rs.next() && rs.getBoolean("active")) {
                            found.incrementAndGet();
                        }
                    }
                }
                return 1;
            };
            BenchClient.timed(threads, warmup, lookup);
            found.set(0);
            var result = BenchClient.timed(threads, seconds, lookup);
            var figures = new LinkedHashMap<String, Object>();
            figures.put("threads", threads);
            figures.put("lookups", result.units());
            figures.put("found_active", found.get());
            figures.put("jdbc_lookup_rps", Math.round(result.units() / result.seconds()));
            figures.put("lookup_p50_ms", BenchClient.round(result.latency().getValueAtPercentile(50) / 1e3, 3));
            figures.put("lookup_p99_ms", BenchClient.round(result.latency().getValueAtPercentile(99) / 1e3, 3));
            return figures;
        }
    }

    static Map<String, Object> insert(Map<String, String> options) throws Exception {
        int threads = Integer.parseInt(options.get("threads"));
        int batch = Integer.parseInt(options.get("batch"));
        double seconds = Double.parseDouble(options.get("seconds"));
        // reWriteBatchedInserts: the driver's fastest plain batch path, so this is a floor worth comparing to.
        var url = options.get("jdbc") + (options.get("jdbc").contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        var prefix = "floor-" + Long.toString(System.currentTimeMillis(), 36);
        var sequence = new AtomicLong();
        try (var pool = pool(url, threads)) {
            try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
                statement.execute("drop table if exists bench_insert_floor");
                statement.execute("create table bench_insert_floor (like bounce_event including defaults "
                        + "including constraints including indexes)");
            }
            // Rows are made before the clock starts (only the event id changes), so the loop costs the database.
            var templates = EventRow.parse(new BenchData.Events("floor", 5_000, 99), prefix, 0, batch * threads);
            BenchClient.Call insertBatch = (worker, histogram) -> {
                long first = sequence.getAndAdd(batch);
                var rows = templates.subList(worker * batch, (worker + 1) * batch);
                try (var connection = pool.getConnection()) {
                    connection.setAutoCommit(false);
                    try (var statement = connection.prepareStatement("""
                            insert into bench_insert_floor (event_id, recipient, recipient_domain, classification,
                                smtp_code, enhanced_code, diagnostic, origin, occurred_at, message_id, reporting_mta,
                                source, counts_toward_cluster, raw)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                        long n = first;
                        for (var row : rows) {
                            statement.setString(1, prefix + "-" + n++);
                            statement.setString(2, row.recipient());
                            statement.setString(3, row.domain());
                            statement.setString(4, row.classification());
                            statement.setInt(5, row.smtpCode());
                            statement.setString(6, row.enhancedCode());
                            statement.setString(7, row.diagnostic());
                            statement.setString(8, "RECIPIENT");
                            statement.setTimestamp(9, Timestamp.from(row.occurredAt()));
                            statement.setString(10, row.messageId());
                            statement.setString(11, row.reportingMta());
                            statement.setString(12, "bench-esp");
                            statement.setBoolean(13, row.classification().equals("USER_UNKNOWN"));
                            statement.setString(14, row.raw());
                            statement.addBatch();
                        }
                        statement.executeBatch();
                    }
                    connection.commit();
                }
                return batch;
            };
            BenchClient.timed(threads, 1, insertBatch);
            var result = BenchClient.timed(threads, seconds, insertBatch);
            try (var connection = pool.getConnection(); var statement = connection.createStatement()) {
                statement.execute("drop table bench_insert_floor");
            }
            var figures = new LinkedHashMap<String, Object>();
            figures.put("threads", threads);
            figures.put("batch_size", batch);
            figures.put("rows", result.units());
            figures.put("jdbc_batch_insert_rows_per_s", Math.round(result.units() / result.seconds()));
            figures.put("batch_p50_ms", BenchClient.round(result.latency().getValueAtPercentile(50) / 1e3, 1));
            return figures;
        }
    }

    /** The columns an ingested event fills, taken from the same generated JSON the ingest step posts. */
    record EventRow(String eventId, String recipient, String domain, String classification, int smtpCode,
                    String enhancedCode, String diagnostic, Instant occurredAt, String messageId,
                    String reportingMta, String raw) {

        static List<EventRow> parse(BenchData.Events events, String prefix, long first, int size) {
            var array = BenchClient.JSON.readTree(events.batch(prefix, first, size));
            var rows = new java.util.ArrayList<EventRow>(size);
            for (var node : array) {
                var recipient = node.get("recipient").asString();
                var enhanced = node.get("enhancedCode").asString();
                var classification = switch (enhanced) {
                    case "5.1.1" -> "USER_UNKNOWN";
                    case "4.2.2" -> "MAILBOX_FULL";
                    case "5.7.1" -> "POLICY";
                    default -> "TRANSIENT";
                };
                rows.add(new EventRow(node.get("eventId").asString(), recipient,
                        recipient.substring(recipient.indexOf('@') + 1), classification, node.get("smtpCode").asInt(),
                        enhanced, node.get("diagnostic").asString(), Instant.parse(node.get("occurredAt").asString()),
                        node.get("messageId").asString(), node.get("reportingMta").asString(), node.toString()));
            }
            return rows;
        }
    }
}
