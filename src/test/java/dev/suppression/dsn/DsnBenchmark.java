package dev.suppression.dsn;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The raw-message benchmark of issue 12, run by {@code bench/parser}: how many bounce messages per second the
 * parser reads on its own, and how many {@code POST /bounces/dsn} takes end to end (parsing, classification,
 * storage, suppression, domain clusters) on a running service. Both go round the fixture set
 * ({@code src/test/resources/dsn}); not named {@code *Tests}, so {@code ./mvnw verify} does not run it.
 *
 * <pre>
 *   DsnBenchmark parse &lt;fixture dir&gt; &lt;seconds&gt;
 *   DsnBenchmark post  &lt;fixture dir&gt; &lt;seconds&gt; &lt;base url&gt; &lt;ingest key&gt; &lt;clients&gt;
 * </pre>
 * Each prints one line {@code key=value ...}. The posted copies get fresh Message-IDs, so that every post is a
 * new bounce rather than a duplicate the service answers from its idempotency check.
 */
public final class DsnBenchmark {

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^(message-id:\\s*<)");

    private DsnBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        var fixtures = fixtures(Path.of(args[1]));
        var seconds = Integer.parseInt(args[2]);
        switch (args[0]) {
            case "parse" -> parse(fixtures, seconds);
            case "post" -> post(fixtures, seconds, args[3], args[4], Integer.parseInt(args[5]));
            default -> throw new IllegalArgumentException("mode parse or post, not " + args[0]);
        }
    }

    private static void parse(List<byte[]> fixtures, int seconds) {
        var parser = new BounceMessageParser();
        // Warm-up: a third of the time, not counted.
        run(parser, fixtures, System.nanoTime() + seconds * 1_000_000_000L / 3);
        var start = System.nanoTime();
        var counts = run(parser, fixtures, start + seconds * 1_000_000_000L);
        var elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "parser_messages_per_s=%.0f messages=%d read=%d refused=%d fixtures=%d seconds=%.1f%n",
                counts[0] / elapsed, counts[0], counts[1], counts[0] - counts[1], fixtures.size(), elapsed);
    }

    private static long[] run(BounceMessageParser parser, List<byte[]> fixtures, long until) {
        long messages = 0;
        long read = 0;
        while (System.nanoTime() < until) {
            for (var fixture : fixtures) {
                try {
                    read += parser.parse(fixture).recipients().isEmpty() ? 0 : 1;
                } catch (NotABounceException | UnreadableMessageException e) {
                    // Auto-replies, complaints and receipts in the set are refused, as they should be.
                }
                messages++;
            }
        }
        return new long[] {messages, read};
    }

    private static void post(List<byte[]> fixtures, int seconds, String base, String key, int clients) throws Exception {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var statuses = new ConcurrentHashMap<Integer, AtomicLong>();
        var sequence = new AtomicLong();
        var warmUntil = System.nanoTime() + Math.max(3, seconds / 4) * 1_000_000_000L;
        postUntil(http, fixtures, base, key, clients, warmUntil, sequence, new ConcurrentHashMap<>());
        var start = System.nanoTime();
        postUntil(http, fixtures, base, key, clients, start + seconds * 1_000_000_000L, sequence, statuses);
        var elapsed = (System.nanoTime() - start) / 1e9;
        long total = statuses.values().stream().mapToLong(AtomicLong::get).sum();
        long errors = statuses.entrySet().stream().filter(e -> e.getKey() >= 500 || e.getKey() < 200)
                .mapToLong(e -> e.getValue().get()).sum();
        Map<Integer, Long> byStatus = new TreeMap<>();
        statuses.forEach((status, count) -> byStatus.put(status, count.get()));
        System.out.printf(Locale.ROOT, "post_dsn_messages_per_s=%.0f messages=%d errors=%d clients=%d seconds=%.1f statuses=%s%n",
                total / elapsed, total, errors, clients, elapsed, byStatus);
    }

    private static void postUntil(HttpClient http, List<byte[]> fixtures, String base, String key, int clients, long until,
                                  AtomicLong sequence, Map<Integer, AtomicLong> statuses) throws InterruptedException {
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                while (System.nanoTime() < until) {
                    var n = sequence.incrementAndGet();
                    var fixture = fixtures.get((int) (n % fixtures.size()));
                    var body = MESSAGE_ID.matcher(new String(fixture, StandardCharsets.ISO_8859_1))
                            .replaceAll("$1bench" + n + ".").getBytes(StandardCharsets.ISO_8859_1);
                    var request = HttpRequest.newBuilder(URI.create(base + "/bounces/dsn"))
                            .header("Authorization", "Bearer " + key).header("Content-Type", "message/rfc822")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        status = 0;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                }
            }));
        }
        for (var thread : threads) {
            thread.join();
        }
    }

    private static List<byte[]> fixtures(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            var list = new ArrayList<byte[]>();
            for (var file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                list.add(Files.readAllBytes(file));
            }
            return list;
        }
    }
}
