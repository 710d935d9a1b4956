package dev.suppression.bench;

import dev.suppression.bench.BenchData.Phase;
import dev.suppression.bench.BenchData.Probe;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark's HTTP and bookkeeping steps, one per sub-command; each writes its figures as one JSON
 * object to {@code --out}. Only talks to the service URL it is given (the run script passes 127.0.0.1).
 *
 * <pre>
 * import       --base URL --key K --phase tag:rows:domains:paused --out F   bulk suppressions via POST /suppressions/import
 * pause        --base URL --key K --phase ... --out F                         5 hard bounces per paused domain via POST /bounces
 * probes       --phases p1,p2 --count N --seed S --file F                    the address file (address, expected verdict, kind)
 * verify       --base URL --key K --file F --samples N --out F               GET /suppressions/{a} for a sample, verdicts compared
 * batch-check  --base URL --key K --file F --per-call N --clients C --seconds S --out F
 * ingest       --base URL --key K --tag T --posters P --batch B --seconds S --domains D --out F
 * heap         --base URL --key K --out F                                     heap used, from /actuator/prometheus
 * stats        --jdbc URL --out F                                             PostgreSQL version and what the list holds
 * key          --base URL --key K --name N --role R                          creates an API key, prints its secret
 * prepare      --base --key --check-key --jdbc --phase --phases --count --seed --file --samples --steps DIR --label L --pid P
 *              one phase's loading in one JVM: import, pause, stats, probes, verify, heap before and after a full GC
 *              (jcmd P GC.run), each step's figures in DIR/L-step.json
 * </pre>
 */
public final class BenchClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** The service refuses bodies over 10 MB by default: import parts stay under it. */
    private static final long MAX_IMPORT_PART_BYTES = 9_000_000;

    private final Map<String, String> options;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private BenchClient(Map<String, String> options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("usage: BenchClient <command> --option value ...");
        }
        var client = new BenchClient(options(args));
        switch (args[0]) {
            case "import" -> client.write(client.importList());
            case "pause" -> client.write(client.pauseDomains());
            case "probes" -> client.writeProbes();
            case "verify" -> client.write(client.verify());
            case "batch-check" -> client.write(client.batchCheck());
            case "ingest" -> client.write(client.ingest());
            case "heap" -> client.write(client.heap());
            case "stats" -> client.write(client.stats());
            case "key" -> System.out.println(client.createKey());
            case "prepare" -> client.prepare();
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
        System.exit(0);
    }

    static Map<String, String> options(String[] args) {
        var options = new HashMap<String, String>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    private String option(String name) {
        var value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private int intOption(String name) {
        return Integer.parseInt(option(name));
    }

    private void write(Map<String, Object> figures) throws IOException {
        var out = Path.of(option("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), figures);
        System.out.println(JSON.writeValueAsString(figures));
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(option("base") + path))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + option("key"));
    }

    // ---- one phase's loading ------------------------------------------------------------------------------

    private BenchClient with(String... pairs) {
        var merged = new HashMap<>(options);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            merged.put(pairs[i], pairs[i + 1]);
        }
        return new BenchClient(merged);
    }

    private void prepare() throws Exception {
        var steps = option("steps") + "/" + option("label") + "-";
        var log = System.out;
        with("out", steps + "import.json").write(importList());
        with("out", steps + "pause.json").write(pauseDomains());
        vacuumAnalyze();
        with("out", steps + "stats.json").write(stats());
        writeProbes();
        var checking = with("key", option("check-key"));
        checking.with("out", steps + "verify.json").write(checking.verify());
        with("out", steps + "heap-before-gc.json").write(heap());
        var gc = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), option("pid"),
                "GC.run").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (gc.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + option("pid") + " GC.run failed");
        }
        with("out", steps + "heap.json").write(heap());
        log.flush();
    }

    // ---- import -------------------------------------------------------------------------------------------

    /** Streams the phase's rows as CSV in parts under the body limit, one request after the other. */
    private Map<String, Object> importList() throws IOException, InterruptedException {
        var phase = Phase.parse(option("phase"));
        long imported = 0, present = 0, rejected = 0;
        int requests = 0;
        long start = System.nanoTime();
        long row = 0;
        while (row < phase.rows()) {
            var part = new CsvPart(phase, row, MAX_IMPORT_PART_BYTES);
            var response = http.send(request("/suppressions/import").header("Content-Type", "text/csv")
                            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> part)).build(),
                    HttpResponse.BodyHandlers.ofString());
            requests++;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("import part " + requests + " answered " + response.statusCode()
                        + ": " + response.body());
            }
            var summary = JSON.readTree(response.body());
            imported += summary.get("imported").asLong();
            present += summary.get("alreadyPresent").asLong();
            rejected += summary.get("rejected").asLong();
            row = part.next();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (imported != phase.rows()) {
            throw new IllegalStateException("imported " + imported + " of " + phase.rows() + " rows (already present "
                    + present + ", rejected " + rejected + ")");
        }
        var figures = new LinkedHashMap<String, Object>();
        figures.put("rows", phase.rows());
        figures.put("domains", phase.domains());
        figures.put("requests", requests);
        figures.put("imported", imported);
        figures.put("already_present", present);
        figures.put("rejected", rejected);
        figures.put("import_seconds", round(seconds, 2));
        figures.put("import_rows_per_s", Math.round(phase.rows() / seconds));
        return figures;
    }

    /** CSV rows generated while the request body is read, up to a byte budget; {@link #next()} is where it stopped. */
    private static final class CsvPart extends InputStream {
        private final Phase phase;
        private final long budget;
        private long row;
        private long sent;
        private byte[] line = new byte[0];
        private int position;
        private boolean header = true;

        CsvPart(Phase phase, long firstRow, long budget) {
            this.phase = phase;
            this.row = firstRow;
            this.budget = budget;
        }

        long next() {
            return row;
        }

        private boolean fill() {
            if (header) {
                header = false;
                line = "address,reason,since,classification\n".getBytes(StandardCharsets.UTF_8);
            } else {
                if (row >= phase.rows()) {
                    return false;
                }
                var candidate = phase.csvRow(row).getBytes(StandardCharsets.UTF_8);
                if (sent + candidate.length > budget) {
                    return false;
                }
                line = candidate;
                row++;
            }
            position = 0;
            sent += line.length;
            return true;
        }

        @Override
        public int read() {
            if (position >= line.length && !fill()) {
                return -1;
            }
            return line[position++] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            int written = 0;
            while (written < length) {
                if (position >= line.length && !fill()) {
                    break;
                }
                int n = Math.min(length - written, line.length - position);
                System.arraycopy(line, position, buffer, offset + written, n);
                position += n;
                written += n;
            }
            return written == 0 ? -1 : written;
        }
    }

    // ---- pause --------------------------------------------------------------------------------------------

    private Map<String, Object> pauseDomains() throws IOException, InterruptedException {
        var phase = Phase.parse(option("phase"));
        var events = new ArrayList<String>();
        for (int k = 0; k < phase.paused(); k++) {
            for (int n = 0; n < BenchData.BOUNCES_TO_PAUSE; n++) {
                var address = phase.pauseBounceAddress(k, n);
                events.add("{\"recipient\":\"" + address + "\",\"smtpCode\":550,\"enhancedCode\":\"5.1.1\","
                        + "\"diagnostic\":\"550 5.1.1 <" + address + ">: Recipient address rejected: User unknown\","
                        + "\"eventId\":\"bench-pause-" + phase.tag() + "-" + k + "-" + n + "\",\"source\":\"bench-esp\"}");
            }
        }
        long accepted = 0;
        long start = System.nanoTime();
        for (int from = 0; from < events.size(); from += 1000) {
            var body = "[" + String.join(",", events.subList(from, Math.min(events.size(), from + 1000))) + "]";
            var response = send(request("/bounces").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            accepted += JSON.readTree(response).get("accepted").asLong();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int paused = 0;
        for (int k = 0; k < phase.paused(); k++) {
            var domain = JSON.readTree(send(request("/domains/" + phase.pausedDomain(k)).GET().build()));
            if (domain.get("paused").asBoolean()) {
                paused++;
            }
        }
        if (paused != phase.paused()) {
            throw new IllegalStateException(paused + " of " + phase.paused() + " domains paused after their bounces");
        }
        var figures = new LinkedHashMap<String, Object>();
        figures.put("paused_domains", paused);
        figures.put("hard_bounces_posted", events.size());
        figures.put("accepted", accepted);
        figures.put("seconds", round(seconds, 2));
        return figures;
    }

    private String send(HttpRequest request) throws IOException, InterruptedException {
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    // ---- probes and verification ----------------------------------------------------------------------------

    private void writeProbes() throws IOException {
        var probes = BenchData.probes(Phase.parseAll(option("phases")), intOption("count"),
                Long.parseLong(options.getOrDefault("seed", "42")));
        var file = Path.of(option("file"));
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (var writer = Files.newBufferedWriter(file)) {
            for (var probe : probes) {
                writer.write(probe.line());
            }
        }
        var kinds = new LinkedHashMap<String, Integer>();
        probes.forEach(p -> kinds.merge(p.kind(), 1, Integer::sum));
        System.out.println(JSON.writeValueAsString(kinds));
    }

    static List<Probe> readProbes(Path file) throws IOException {
        try (var lines = Files.lines(file)) {
            return lines.filter(l -> !l.isBlank()).map(Probe::parse).toList();
        }
    }

    /** The check must be right before it is fast: a sample of the probes, each verdict compared. */
    private Map<String, Object> verify() throws IOException, InterruptedException {
        var probes = readProbes(Path.of(option("file")));
        int samples = Math.min(intOption("samples"), probes.size());
        var random = new Random(7);
        int mismatches = 0;
        var examples = new ArrayList<String>();
        var byKind = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < samples; i++) {
            var probe = probes.get(random.nextInt(probes.size()));
            var answer = JSON.readTree(send(request("/suppressions/" + probe.address()).GET().build()));
            var verdict = answer.get("verdict").asString();
            byKind.merge(probe.kind(), 1, Integer::sum);
            if (!verdict.equals(probe.expected())) {
                mismatches++;
                if (examples.size() < 5) {
                    examples.add(probe.address() + ": expected " + probe.expected() + ", got " + verdict);
                }
            }
        }
        var figures = new LinkedHashMap<String, Object>();
        figures.put("checked", samples);
        figures.put("mismatches", mismatches);
        figures.put("checked_by_kind", byKind);
        figures.put("examples", examples);
        return figures;
    }

    // ---- batch check --------------------------------------------------------------------------------------

    private Map<String, Object> batchCheck() throws Exception {
        var probes = readProbes(Path.of(option("file")));
        int perCall = intOption("per-call");
        int clients = intOption("clients");
        double seconds = Double.parseDouble(option("seconds"));
        var random = new Random(11);
        int bodies = 16;
        var payloads = new ArrayList<String>();
        var expected = new ArrayList<List<Probe>>();
        for (int b = 0; b < bodies; b++) {
            var picked = new ArrayList<Probe>(perCall);
            var json = new StringBuilder(perCall * 40).append("{\"addresses\":[");
            for (int i = 0; i < perCall; i++) {
                var probe = probes.get(random.nextInt(probes.size()));
                picked.add(probe);
                json.append(i == 0 ? "\"" : ",\"").append(probe.address()).append('"');
            }
            payloads.add(json.append("]}").toString());
            expected.add(picked);
        }
        // Each body once, answers compared address by address; then the timed run.
        int mismatches = 0;
        for (int b = 0; b < bodies; b++) {
            var results = JSON.readTree(send(batchRequest(payloads.get(b)))).get("results");
            for (int i = 0; i < perCall; i++) {
                if (!results.get(i).get("verdict").asString().equals(expected.get(b).get(i).expected())) {
                    mismatches++;
                }
            }
        }
        var result = timed(clients, seconds, (client, histogram) -> {
            var response = http.send(batchRequest(payloads.get((int) (histogram.getTotalCount() * clients + client) % bodies)),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("batch check answered " + response.statusCode());
            }
            return perCall;
        });
        var figures = new LinkedHashMap<String, Object>();
        figures.put("addresses_per_call", perCall);
        figures.put("clients", clients);
        figures.put("calls", result.calls());
        figures.put("batch_check_addresses_per_s", Math.round(result.units() / result.seconds()));
        figures.put("call_p50_ms", round(result.latency().getValueAtPercentile(50) / 1e3, 2));
        figures.put("call_p99_ms", round(result.latency().getValueAtPercentile(99) / 1e3, 2));
        figures.put("verdict_mismatches", mismatches);
        figures.put("verified_addresses", bodies * perCall);
        return figures;
    }

    private HttpRequest batchRequest(String body) {
        return request("/suppressions/check").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    // ---- ingest -------------------------------------------------------------------------------------------

    private Map<String, Object> ingest() throws Exception {
        var tag = option("tag");
        int posters = intOption("posters");
        int batch = intOption("batch");
        double seconds = Double.parseDouble(option("seconds"));
        int domains = intOption("domains");
        var prefix = "bench-" + tag + "-" + Long.toString(System.currentTimeMillis(), 36);
        var generators = new ArrayList<BenchData.Events>();
        for (int p = 0; p < posters; p++) {
            generators.add(new BenchData.Events(tag, domains, 1000 + p));
        }
        var sequence = new AtomicLong();
        var notAccepted = new AtomicLong();
        var result = timed(posters, seconds, (poster, histogram) -> {
            long first = sequence.getAndAdd(batch);
            var body = generators.get(poster).batch(prefix, first, batch);
            var response = http.send(request("/bounces").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST /bounces answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            JsonNode outcome = JSON.readTree(response.body());
            int accepted = outcome.get("accepted").asInt();
            notAccepted.addAndGet(batch - accepted);
            return accepted;
        });
        var figures = new LinkedHashMap<String, Object>();
        figures.put("posters", posters);
        figures.put("batch_size", batch);
        figures.put("batches", result.calls());
        figures.put("events_accepted", result.units());
        figures.put("events_not_accepted", notAccepted.get());
        figures.put("ingest_events_per_s", Math.round(result.units() / result.seconds()));
        figures.put("batch_p50_ms", round(result.latency().getValueAtPercentile(50) / 1e3, 1));
        figures.put("batch_p99_ms", round(result.latency().getValueAtPercentile(99) / 1e3, 1));
        figures.put("mix", "30% hard 5.1.1, 25% soft 4.2.2, 20% policy 5.7.1, 25% transient 4.3.0/4.4.2");
        return figures;
    }

    // ---- heap and stats -----------------------------------------------------------------------------------

    private Map<String, Object> heap() throws IOException, InterruptedException {
        var text = send(request("/actuator/prometheus").GET().build());
        double used = 0;
        double committed = 0;
        for (var line : text.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                used += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith("jvm_memory_committed_bytes{") && line.contains("area=\"heap\"")) {
                committed += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        var figures = new LinkedHashMap<String, Object>();
        figures.put("heap_used_mb", round(used / 1048576.0, 1));
        figures.put("heap_committed_mb", round(committed / 1048576.0, 1));
        return figures;
    }

    /**
     * What autovacuum would do in a database that has been running a while: without it, the vacuum and
     * analyze of a just-loaded million rows land in whichever measurement happens to run next.
     */
    private void vacuumAnalyze() throws SQLException {
        try (var connection = DriverManager.getConnection(option("jdbc"), "postgres", "postgres");
             var statement = connection.createStatement()) {
            statement.execute("vacuum analyze");
        }
    }

    private Map<String, Object> stats() throws SQLException {
        var figures = new LinkedHashMap<String, Object>();
        try (var connection = DriverManager.getConnection(option("jdbc"), "postgres", "postgres");
             var statement = connection.createStatement()) {
            try (var rs = statement.executeQuery("select version(), current_setting('server_version'), "
                    + "current_setting('fsync'), current_setting('shared_buffers'), current_setting('synchronous_commit')")) {
                rs.next();
                figures.put("postgresql", rs.getString(2));
                figures.put("postgresql_full", rs.getString(1));
                figures.put("fsync", rs.getString(3));
                figures.put("synchronous_commit", rs.getString(5));
                figures.put("shared_buffers", rs.getString(4));
            }
            try (var rs = statement.executeQuery("select count(*) filter (where active), count(*), "
                    + "pg_total_relation_size('suppression') from suppression")) {
                rs.next();
                figures.put("active_suppressions", rs.getLong(1));
                figures.put("suppression_rows", rs.getLong(2));
                figures.put("suppression_table_mb", Math.round(rs.getLong(3) / 1048576.0));
            }
            try (var rs = statement.executeQuery("select count(*), count(*) filter (where paused), "
                    + "count(distinct s.domain) from recipient_domain d "
                    + "full join (select distinct domain from suppression where active) s using (domain)")) {
                rs.next();
                figures.put("domain_rows", rs.getLong(1));
                figures.put("paused_domains", rs.getLong(2));
                figures.put("domains_with_active_suppressions", rs.getLong(3));
            }
            try (var rs = statement.executeQuery("select count(*) from bounce_event")) {
                rs.next();
                figures.put("bounce_events", rs.getLong(1));
            }
        }
        return figures;
    }

    private String createKey() throws IOException, InterruptedException {
        var body = "{\"name\":\"" + option("name") + "\",\"roles\":[\"" + option("role") + "\"]}";
        var answer = JSON.readTree(send(request("/api-keys").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build()));
        return answer.get("secret").asString();
    }

    // ---- timing -------------------------------------------------------------------------------------------

    /** One call of a timed loop: returns how many units (addresses, events) it completed. */
    interface Call {
        long run(int worker, Histogram latency) throws Exception;
    }

    record Timed(long calls, long units, double seconds, Histogram latency) { }

    /**
     * Runs {@code workers} loops that each start calls until {@code seconds} are up; the rate is the units
     * of every completed call over the time until the last one finished.
     */
    static Timed timed(int workers, double seconds, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        var futures = new ArrayList<Future<long[]>>();
        var histograms = new ArrayList<Histogram>();
        for (int w = 0; w < workers; w++) {
            int worker = w;
            var histogram = new Histogram(3_600_000_000L, 3);
            histograms.add(histogram);
            Callable<long[]> loop = () -> {
                long calls = 0, units = 0;
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    units += call.run(worker, histogram);
                    histogram.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                    calls++;
                }
                return new long[] {calls, units};
            };
            futures.add(pool.submit(loop));
        }
        long calls = 0, units = 0;
        for (var future : futures) {
            var done = future.get();
            calls += done[0];
            units += done[1];
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        var merged = new Histogram(3_600_000_000L, 3);
        histograms.forEach(merged::add);
        return new Timed(calls, units, elapsed, merged);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
