package dev.suppression.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the step files of one run into {@code bench/results/latest.json} and the summary on stdout: every
 * figure at each size, the ratios against the baselines of the same run, and the targets as pass or
 * fail.
 *
 * <p>{@code BenchReport <steps dir> <out json> key=value...}; the keys {@code sizes} (for example
 * {@code small=10k,large=1M}) and {@code mode} are required, the rest is copied into {@code machine} and
 * {@code run}.
 */
public final class BenchReport {

    private static final Map<String, String> MACHINE_KEYS = Map.of("cores", "", "jdk", "", "os", "",
            "load_average_start", "", "load_average_end", "", "memory_gb", "", "cpu_pressure_avg60_start", "",
            "cpu_pressure_avg60_end", "");

    private final Path steps;
    private final Map<String, String> meta = new LinkedHashMap<>();

    private BenchReport(Path steps, String[] pairs) {
        this.steps = steps;
        for (var pair : pairs) {
            int eq = pair.indexOf('=');
            meta.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
    }

    public static void main(String[] args) throws IOException {
        var report = new BenchReport(Path.of(args[0]), java.util.Arrays.copyOfRange(args, 2, args.length));
        var json = report.build();
        var out = Path.of(args[1]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, BenchClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n");
        var markdown = Path.of(out.toString().replaceFirst("\\.json$", "") + ".md");
        Files.writeString(markdown, report.markdown(json));
        System.out.print(report.summary(json));
    }

    private JsonNode step(String label, String name) {
        var file = steps.resolve(label + "-" + name + ".json");
        if (!Files.exists(file)) {
            return BenchClient.JSON.createObjectNode();
        }
        return BenchClient.JSON.readTree(file.toFile());
    }

    private List<JsonNode> rounds(String label, String name) {
        var rounds = new ArrayList<JsonNode>();
        for (int r = 1; Files.exists(steps.resolve(label + "-" + name + "-" + r + ".json")); r++) {
            rounds.add(step(label, name + "-" + r));
        }
        return rounds;
    }

    private LinkedHashMap<String, String> sizes() {
        var sizes = new LinkedHashMap<String, String>();
        for (var pair : meta.get("sizes").split(",")) {
            var parts = pair.split("=");
            sizes.put(parts[0], parts[1]);
        }
        return sizes;
    }

    ObjectNode build() {
        var root = BenchClient.JSON.createObjectNode();
        root.put("generated_at", meta.getOrDefault("finished_at", ""));
        root.put("mode", meta.get("mode"));
        root.put("git_commit", meta.getOrDefault("git_commit", "unknown"));
        var machine = root.putObject("machine");
        var run = root.putObject("run");
        for (var entry : meta.entrySet()) {
            if (MACHINE_KEYS.containsKey(entry.getKey())) {
                machine.put(entry.getKey(), entry.getValue());
            } else if (!List.of("mode", "git_commit", "sizes", "finished_at").contains(entry.getKey())) {
                run.put(entry.getKey(), entry.getValue());
            }
        }
        var sizes = root.putObject("sizes");
        for (var size : sizes().entrySet()) {
            var figures = figures(size.getKey());
            sizes.set(size.getValue(), figures);
            if (!machine.has("postgresql") && figures.has("postgresql")) {
                machine.put("postgresql", figures.get("postgresql").asString());
            }
        }
        root.set("targets", targets(sizes));
        return root;
    }

    private ObjectNode figures(String label) {
        var f = BenchClient.JSON.createObjectNode();
        var stats = step(label, "stats");
        var imported = step(label, "import");
        f.put("rows_imported", imported.path("rows").asLong());
        f.put("active_suppressions", stats.path("active_suppressions").asLong());
        f.put("domains_with_active_suppressions", stats.path("domains_with_active_suppressions").asLong());
        f.put("paused_domains", stats.path("paused_domains").asLong());
        f.put("postgresql", stats.path("postgresql").asString(""));
        f.put("import_seconds", imported.path("import_seconds").asDouble());
        f.put("import_rows_per_s", imported.path("import_rows_per_s").asLong());
        f.put("import_requests", imported.path("requests").asLong());

        var floors = rounds(label, "floor");
        var checks = rounds(label, "check");
        var ratios = new ArrayList<Double>();
        for (int i = 0; i < Math.min(floors.size(), checks.size()); i++) {
            ratios.add(checks.get(i).path("rps").asDouble() / floors.get(i).path("rps").asDouble());
        }
        double checkRps = median(checks.stream().map(n -> n.path("rps").asDouble()).toList());
        double floorRps = median(floors.stream().map(n -> n.path("rps").asDouble()).toList());
        f.put("check_rps", Math.round(checkRps));
        f.put("check_p50_ms", median(checks.stream().map(n -> n.path("p50_ms").asDouble()).toList()));
        f.put("check_p99_ms", median(checks.stream().map(n -> n.path("p99_ms").asDouble()).toList()));
        f.put("http_floor_rps", Math.round(floorRps));
        f.put("http_floor_p99_ms", median(floors.stream().map(n -> n.path("p99_ms").asDouble()).toList()));
        f.put("check_to_floor", BenchClient.round(median(ratios), 3));
        var checkCpu = cpu(label, "check", checks.size());
        var floorCpu = cpu(label, "floor", floors.size());
        f.put("check_service_cpu_ms", checkCpu[0]);
        f.put("check_postgres_cpu_ms", checkCpu[1]);
        f.put("floor_service_cpu_ms", floorCpu[0]);
        f.put("floor_postgres_cpu_ms", floorCpu[1]);
        double checkTotal = checkCpu[0] + checkCpu[1];
        double floorTotal = floorCpu[0] + floorCpu[1];
        f.put("check_to_floor_cpu", checkTotal > 0 ? BenchClient.round(floorTotal / checkTotal, 3) : 0);
        long errors = 0;
        for (var n : checks) {
            errors += n.path("errors").asLong();
        }
        for (var n : floors) {
            errors += n.path("errors").asLong();
        }
        f.put("http_errors", errors);

        var jdbc = step(label, "jdbc-lookup");
        double jdbcRps = jdbc.path("jdbc_lookup_rps").asDouble();
        f.put("jdbc_lookup_rps", Math.round(jdbcRps));
        f.put("jdbc_lookup_p99_ms", jdbc.path("lookup_p99_ms").asDouble());
        f.put("check_to_jdbc", jdbcRps > 0 ? BenchClient.round(checkRps / jdbcRps, 3) : 0);

        var batch = step(label, "batch-check");
        f.put("batch_check_addresses_per_s", batch.path("batch_check_addresses_per_s").asLong());
        f.put("batch_check_addresses_per_call", batch.path("addresses_per_call").asLong());
        f.put("batch_check_call_p99_ms", batch.path("call_p99_ms").asDouble());

        var ingest = step(label, "ingest");
        var insert = step(label, "jdbc-insert");
        double events = ingest.path("ingest_events_per_s").asDouble();
        double floor = insert.path("jdbc_batch_insert_rows_per_s").asDouble();
        f.put("ingest_events_per_s", Math.round(events));
        f.put("ingest_batch_p50_ms", ingest.path("batch_p50_ms").asDouble());
        f.put("jdbc_batch_insert_rows_per_s", Math.round(floor));
        f.put("ingest_to_jdbc_floor", floor > 0 ? BenchClient.round(events / floor, 3) : 0);

        f.set("batch_check_cpu", busy(label, "batch-check", batch.path("calls").asLong() * batch.path("addresses_per_call").asLong(), "address"));
        f.set("ingest_cpu", busy(label, "ingest", ingest.path("events_accepted").asLong(), "event"));

        var heap = step(label, "heap");
        f.put("heap_used_mb", heap.path("heap_used_mb").asDouble());
        f.put("heap_used_mb_before_gc", step(label, "heap-before-gc").path("heap_used_mb").asDouble());
        f.put("heap_committed_mb", heap.path("heap_committed_mb").asDouble());

        var verify = step(label, "verify");
        var batchMismatches = batch.path("verdict_mismatches").asLong();
        f.put("verdicts_checked", verify.path("checked").asLong() + batch.path("verified_addresses").asLong());
        f.put("verdict_mismatches", verify.path("mismatches").asLong() + batchMismatches);

        policy(label, f);

        var details = f.putObject("rounds");
        details.set("check_cpu", cpuFiles(label, "check", checks.size()));
        details.set("floor_cpu", cpuFiles(label, "floor", floors.size()));
        details.set("check", BenchClient.JSON.valueToTree(checks));
        details.set("floor", BenchClient.JSON.valueToTree(floors));
        details.set("check_to_floor", BenchClient.JSON.valueToTree(ratios));
        var raw = f.putObject("steps");
        for (var name : List.of("import", "pause", "stats", "verify", "jdbc-lookup", "batch-check", "ingest",
                "jdbc-insert")) {
            raw.set(name, step(label, name));
        }
        return f;
    }

    /**
     * The Postfix policy phase (issue 15): policy requests per second against the HTTP check in alternating
     * rounds at the same connections and probes, and what one request of each cost in CPU.
     */
    private void policy(String label, ObjectNode f) {
        var checks = rounds(label, "policy-check");
        var policies = rounds(label, "policy");
        var ratios = new ArrayList<Double>();
        var cpuRatios = new ArrayList<Double>();
        long mismatches = 0;
        long errors = 0;
        for (int i = 0; i < Math.min(checks.size(), policies.size()); i++) {
            ratios.add(policies.get(i).path("rps").asDouble() / Math.max(1, checks.get(i).path("rps").asDouble()));
            mismatches += policies.get(i).path("mismatches").asLong();
            errors += policies.get(i).path("errors").asLong() + checks.get(i).path("errors").asLong();
            var checkCpu = steps.resolve(label + "-policy-check-" + (i + 1) + ".json.cpu");
            var policyCpu = steps.resolve(label + "-policy-" + (i + 1) + ".json.cpu");
            long requests = policies.get(i).path("requests").asLong();
            if (Files.exists(checkCpu) && Files.exists(policyCpu) && requests > 0) {
                var c = BenchClient.JSON.readTree(checkCpu.toFile());
                var p = BenchClient.JSON.readTree(policyCpu.toFile());
                double perCheck = c.path("service_cpu_ms_per_request").asDouble() + c.path("postgres_cpu_ms_per_request").asDouble();
                double perPolicy = (p.path("service_cpu_ms").asDouble() + p.path("postgres_cpu_ms").asDouble()) / requests;
                if (perPolicy > 0) {
                    cpuRatios.add(perCheck / perPolicy);
                }
            }
        }
        f.put("policy_rps", Math.round(median(policies.stream().map(n -> n.path("rps").asDouble()).toList())));
        f.put("policy_p50_ms", median(policies.stream().map(n -> n.path("p50_ms").asDouble()).toList()));
        f.put("policy_p99_ms", median(policies.stream().map(n -> n.path("p99_ms").asDouble()).toList()));
        f.put("policy_check_rps", Math.round(median(checks.stream().map(n -> n.path("rps").asDouble()).toList())));
        f.put("policy_to_check", BenchClient.round(median(ratios), 3));
        f.put("policy_to_check_cpu", BenchClient.round(median(cpuRatios), 3));
        f.put("policy_mismatches", mismatches);
        f.put("policy_errors", errors);
        var details = f.putObject("policy_rounds");
        details.set("check", BenchClient.JSON.valueToTree(checks));
        details.set("policy", BenchClient.JSON.valueToTree(policies));
        details.set("policy_to_check", BenchClient.JSON.valueToTree(ratios));
    }

    /** Medians over the rounds of the CPU milliseconds one request cost the service and PostgreSQL. */
    private double[] cpu(String label, String name, int rounds) {
        var service = new ArrayList<Double>();
        var postgres = new ArrayList<Double>();
        for (int r = 1; r <= rounds; r++) {
            var file = steps.resolve(label + "-" + name + "-" + r + ".json.cpu");
            if (Files.exists(file)) {
                var node = BenchClient.JSON.readTree(file.toFile());
                service.add(node.path("service_cpu_ms_per_request").asDouble());
                postgres.add(node.path("postgres_cpu_ms_per_request").asDouble());
            }
        }
        return new double[] {BenchClient.round(median(service), 4), BenchClient.round(median(postgres), 4)};
    }

    /**
     * What a load step cost in CPU per unit, and how busy it kept the machine's cores: a step far below the cores
     * it could use is waiting (locks, round trips), not computing.
     */
    private ObjectNode busy(String label, String name, long units, String unit) {
        var node = BenchClient.JSON.createObjectNode();
        var file = steps.resolve(label + "-" + name + ".json.cpu");
        if (!Files.exists(file) || units <= 0) {
            return node;
        }
        var cpu = BenchClient.JSON.readTree(file.toFile());
        double service = cpu.path("service_cpu_ms").asDouble();
        double postgres = cpu.path("postgres_cpu_ms").asDouble();
        double wall = cpu.path("wall_ms").asDouble();
        int cores = Integer.parseInt(meta.getOrDefault("cores", "1"));
        node.put("service_cpu_ms_per_" + unit, BenchClient.round(service / units, 4));
        node.put("postgres_cpu_ms_per_" + unit, BenchClient.round(postgres / units, 4));
        node.put("service_and_postgres_share_of_cores", wall > 0 ? BenchClient.round((service + postgres) / (wall * cores), 3) : 0);
        node.put("wall_ms", wall);
        return node;
    }

    private JsonNode cpuFiles(String label, String name, int rounds) {
        var all = BenchClient.JSON.createArrayNode();
        for (int r = 1; r <= rounds; r++) {
            var file = steps.resolve(label + "-" + name + "-" + r + ".json.cpu");
            if (Files.exists(file)) {
                all.add(BenchClient.JSON.readTree(file.toFile()));
            }
        }
        return all;
    }

    private ObjectNode targets(ObjectNode sizes) {
        var labels = new ArrayList<String>();
        sizes.propertyNames().forEach(labels::add);
        var small = sizes.get(labels.getFirst());
        var large = sizes.get(labels.getLast());
        var at = labels.getLast();
        var quick = "quick".equals(meta.get("mode"));
        var targets = BenchClient.JSON.createObjectNode();
        target(targets, "check_to_floor", "check_rps / http_floor_rps at " + at + " >= 0.8",
                large.path("check_to_floor").asDouble(), large.path("check_to_floor").asDouble() >= 0.8);
        target(targets, "check_p99_ms", "check p99 at " + at + ", 16 connections <= 5 ms",
                large.path("check_p99_ms").asDouble(), large.path("check_p99_ms").asDouble() <= 5);
        double scaling = large.path("check_rps").asDouble() / Math.max(1, small.path("check_rps").asDouble());
        var scale = target(targets, "check_rps_scaling", "check_rps at " + at + " >= 0.85 x check_rps at "
                + labels.getFirst(), BenchClient.round(scaling, 3), scaling >= 0.85);
        double normalized = large.path("check_to_floor").asDouble()
                / Math.max(1e-9, small.path("check_to_floor").asDouble());
        scale.put("floor_normalized", BenchClient.round(normalized, 3));
        target(targets, "batch_check_addresses_per_s", "POST /suppressions/check at " + at + " >= 200,000 addresses/s",
                large.path("batch_check_addresses_per_s").asDouble(),
                large.path("batch_check_addresses_per_s").asDouble() >= 200_000);
        target(targets, "ingest_events_per_s", "ingestion at " + at + " >= 10,000 events/s",
                large.path("ingest_events_per_s").asDouble(), large.path("ingest_events_per_s").asDouble() >= 10_000);
        target(targets, "ingest_to_jdbc_floor", "ingest_events_per_s / jdbc_batch_insert_rows_per_s at " + at + " >= 0.3",
                large.path("ingest_to_jdbc_floor").asDouble(), large.path("ingest_to_jdbc_floor").asDouble() >= 0.3);
        target(targets, "heap_used_mb", "heap used after loading " + at + " (after a full GC) <= 512 MB",
                large.path("heap_used_mb").asDouble(), large.path("heap_used_mb").asDouble() > 0
                        && large.path("heap_used_mb").asDouble() <= 512);
        double rate = large.path("import_rows_per_s").asDouble();
        double oneMillion = rate > 0 ? 1_000_000 / rate : Double.POSITIVE_INFINITY;
        target(targets, "import_1m_seconds", "1M rows imported in < 60 s" + (large.path("rows_imported").asLong() >= 1_000_000
                        ? "" : " (projected from the " + at + " import rate)"),
                BenchClient.round(oneMillion, 1), oneMillion < 60);
        long mismatches = 0;
        long errors = 0;
        for (var label : labels) {
            mismatches += sizes.get(label).path("verdict_mismatches").asLong();
            errors += sizes.get(label).path("http_errors").asLong();
        }
        target(targets, "policy_to_check", "Postfix policy requests/s / HTTP check requests/s at " + at
                + ", 16 connections >= 3", large.path("policy_to_check").asDouble(),
                large.path("policy_to_check").asDouble() >= 3);
        target(targets, "policy_answers_exact", "every Postfix policy reply as the probe's verdict demands, at every size",
                mismatchesAndErrors(sizes, labels), mismatchesAndErrors(sizes, labels) == 0);
        target(targets, "verdicts_exact", "every sampled check and batch-check verdict as expected, no HTTP errors",
                mismatches + errors, mismatches == 0 && errors == 0);
        if (quick) {
            targets.put("note", "quick run: the 1M targets are judged at " + at + "; run bench/run for the real sizes");
        }
        return targets;
    }

    private static long mismatchesAndErrors(ObjectNode sizes, List<String> labels) {
        long wrong = 0;
        for (var label : labels) {
            wrong += sizes.get(label).path("policy_mismatches").asLong() + sizes.get(label).path("policy_errors").asLong();
        }
        return wrong;
    }

    private static ObjectNode target(ObjectNode targets, String name, String rule, double value, boolean pass) {
        var t = targets.putObject(name);
        t.put("rule", rule);
        t.put("value", value);
        t.put("pass", pass);
        return t;
    }

    private String summary(ObjectNode json) {
        var out = new StringBuilder();
        var sizes = json.get("sizes");
        var labels = new ArrayList<String>();
        sizes.propertyNames().forEach(labels::add);
        out.append("\n== Benchmark (").append(json.get("mode").asString()).append(") commit ")
                .append(json.get("git_commit").asString()).append(" ==\n");
        var machine = json.get("machine");
        out.append("machine: ").append(machine.path("cores").asString()).append(" cores, JDK ")
                .append(machine.path("jdk").asString()).append(", PostgreSQL ")
                .append(machine.path("postgresql").asString()).append(", load average ")
                .append(machine.path("load_average_start").asString()).append(" -> ")
                .append(machine.path("load_average_end").asString()).append(", CPU pressure (share of time some task waited for a core, 60 s) ")
                .append(machine.path("cpu_pressure_avg60_start").asString()).append(" -> ")
                .append(machine.path("cpu_pressure_avg60_end").asString()).append("\n\n");
        out.append(String.format("%-30s", "figure"));
        for (var label : labels) {
            out.append(String.format("%14s", label));
        }
        out.append('\n');
        for (var figure : List.of("active_suppressions", "domains_with_active_suppressions", "paused_domains",
                "import_seconds", "import_rows_per_s", "check_rps", "check_p50_ms", "check_p99_ms", "http_floor_rps",
                "http_floor_p99_ms", "check_to_floor", "check_service_cpu_ms", "check_postgres_cpu_ms",
                "floor_service_cpu_ms", "floor_postgres_cpu_ms", "check_to_floor_cpu", "jdbc_lookup_rps", "check_to_jdbc", "batch_check_addresses_per_s",
                "ingest_events_per_s", "jdbc_batch_insert_rows_per_s", "ingest_to_jdbc_floor", "heap_used_mb",
                "verdict_mismatches", "http_errors", "policy_rps", "policy_p99_ms", "policy_check_rps",
                "policy_to_check", "policy_to_check_cpu", "policy_mismatches")) {
            out.append(String.format("%-30s", figure));
            for (var label : labels) {
                var value = sizes.get(label).path(figure);
                out.append(String.format("%14s", value.isIntegralNumber() ? String.format("%,d", value.asLong())
                        : value.isNumber() ? String.format("%.3f", value.asDouble()).replaceAll("0+$", "").replaceAll("\\.$", "")
                        : value.asString()));
            }
            out.append('\n');
        }
        out.append("\nTargets:\n");
        var targets = json.get("targets");
        for (var name : targets.propertyNames()) {
            var t = targets.get(name);
            if (!t.isObject()) {
                continue;
            }
            out.append(String.format("  %-4s %-75s %s%n", t.get("pass").asBoolean() ? "PASS" : "FAIL",
                    t.get("rule").asString(), format(t.get("value").asDouble())
                            + (t.has("floor_normalized") ? " (floor-normalized " + t.get("floor_normalized").asDouble() + ")" : "")));
        }
        if (targets.has("note")) {
            out.append("  (").append(targets.get("note").asString()).append(")\n");
        }
        return out.toString();
    }

    private static final List<String[]> TABLE = List.of(
            new String[] {"active_suppressions", "active suppressions"},
            new String[] {"domains_with_active_suppressions", "domains with active suppressions"},
            new String[] {"paused_domains", "paused domains"},
            new String[] {"check_rps", "check, requests/s (`check_rps`)"},
            new String[] {"check_p50_ms", "check p50, ms"},
            new String[] {"check_p99_ms", "check p99, ms"},
            new String[] {"http_floor_rps", "liveness probe, requests/s (`http_floor_rps`)"},
            new String[] {"http_floor_p99_ms", "liveness probe p99, ms"},
            new String[] {"check_to_floor", "`check_to_floor`"},
            new String[] {"check_service_cpu_ms", "CPU ms per check: service"},
            new String[] {"check_postgres_cpu_ms", "CPU ms per check: PostgreSQL"},
            new String[] {"floor_service_cpu_ms", "CPU ms per liveness probe: service"},
            new String[] {"floor_postgres_cpu_ms", "CPU ms per liveness probe: PostgreSQL"},
            new String[] {"check_to_floor_cpu", "floor CPU / check CPU (`check_to_floor_cpu`)"},
            new String[] {"jdbc_lookup_rps", "raw JDBC point lookups/s (`jdbc_lookup_rps`)"},
            new String[] {"check_to_jdbc", "`check_to_jdbc`"},
            new String[] {"batch_check_addresses_per_s", "batch check, addresses/s"},
            new String[] {"ingest_events_per_s", "ingestion, events/s"},
            new String[] {"jdbc_batch_insert_rows_per_s", "raw JDBC batch insert, rows/s"},
            new String[] {"ingest_to_jdbc_floor", "`ingest_to_jdbc_floor`"},
            new String[] {"import_rows_per_s", "import, rows/s"},
            new String[] {"import_seconds", "import, seconds for the size"},
            new String[] {"heap_used_mb", "heap used after load and a full GC, MB"},
            new String[] {"policy_rps", "Postfix policy, requests/s (`policy_rps`)"},
            new String[] {"policy_p99_ms", "Postfix policy p99, ms"},
            new String[] {"policy_check_rps", "HTTP check in the policy rounds, requests/s"},
            new String[] {"policy_to_check", "`policy_to_check`"},
            new String[] {"policy_to_check_cpu", "check CPU / policy CPU per request (`policy_to_check_cpu`)"});

    /** The README's table: every figure at each size, then the targets. */
    String markdown(ObjectNode json) {
        var sizes = json.get("sizes");
        var labels = new ArrayList<String>();
        sizes.propertyNames().forEach(labels::add);
        var machine = json.get("machine");
        var md = new StringBuilder();
        md.append("Run ").append(json.get("generated_at").asString()).append(" (`bench/run")
                .append("quick".equals(json.get("mode").asString()) ? " --quick" : "").append("`), commit `")
                .append(json.get("git_commit").asString(), 0, Math.min(12, json.get("git_commit").asString().length()))
                .append("`, ").append(machine.path("cores").asString()).append(" cores, JDK ")
                .append(machine.path("jdk").asString()).append(", PostgreSQL ").append(machine.path("postgresql").asString())
                .append(", load average ").append(machine.path("load_average_start").asString())
                .append(" at the start, CPU pressure ").append(machine.path("cpu_pressure_avg60_start").asString())
                .append(" (other builds share the machine: compare the ratios, not the absolute rates).\n\n");
        md.append("| figure |");
        labels.forEach(l -> md.append(' ').append(l).append(" |"));
        md.append("\n|---|");
        labels.forEach(l -> md.append("---:|"));
        md.append('\n');
        for (var row : TABLE) {
            md.append("| ").append(row[1]).append(" |");
            for (var label : labels) {
                var value = sizes.get(label).path(row[0]);
                md.append(' ').append(value.isIntegralNumber() ? String.format("%,d", value.asLong())
                        : String.format("%.3f", value.asDouble()).replaceAll("0+$", "").replaceAll("\\.$", "")).append(" |");
            }
            md.append('\n');
        }
        md.append("\n| target | value | |\n|---|---:|---|\n");
        var targets = json.get("targets");
        for (var name : targets.propertyNames()) {
            var t = targets.get(name);
            if (t.isObject()) {
                md.append("| ").append(t.get("rule").asString()).append(" | ").append(format(t.get("value").asDouble()))
                        .append(" | ").append(t.get("pass").asBoolean() ? "pass" : "**fail**").append(" |\n");
            }
        }
        if (targets.has("note")) {
            md.append("\n(").append(targets.get("note").asString()).append(")\n");
        }
        return md.toString();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.format("%,d", (long) value)
                : String.format("%.3f", value);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return BenchClient.round(m, 4);
    }
}
