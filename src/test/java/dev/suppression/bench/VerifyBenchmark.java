package dev.suppression.bench;

import dev.suppression.support.TestDnsServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.xbill.DNS.Type;

/**
 * The verification benchmark of issue 16 (bench/verify). {@code dns <domains>}: a local DNS server on 127.0.0.1
 * answering for {@code d0.bench-verify.test ... d<n-1>} (80% MX, 5% A only, 5% null MX, 10% NXDOMAIN); prints
 * {@code BENCH_DNS=host:port}, then serves until stopped. {@code post <base> <key> <addresses> <domains> [offset]}: one
 * {@code POST /verify} of a CSV list generated in memory, timed from the first byte sent to the summary line read;
 * prints {@code key=value} pairs.
 */
public final class VerifyBenchmark {

    private VerifyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "dns" -> dns(Integer.parseInt(args[1]));
            case "post" -> post(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    args.length > 5 ? Integer.parseInt(args[5]) : 0);
            default -> throw new IllegalArgumentException("dns <domains> | post <base> <key> <addresses> <domains>");
        }
    }

    static String domain(int i) {
        return "d" + i + ".bench-verify.test";
    }

    private static void dns(int domains) throws InterruptedException {
        var server = new TestDnsServer();
        for (int i = 0; i < domains; i++) {
            var name = domain(i);
            switch (i % 20) {
                case 0, 1 -> { } // NXDOMAIN
                case 2 -> server.a(name, "192.0.2." + (1 + i % 250));
                case 3 -> server.nullMx(name);
                default -> server.mx(name, 3600, "10 mx1." + name, "20 mx2." + name);
            }
        }
        System.out.println("BENCH_DNS=" + server.address());
        System.out.flush();
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }));
        stopped.await();
        System.err.println("MX queries for " + domain(4) + ": " + server.queriesFor(domain(4), Type.MX));
    }

    /** {@code offset}: the first domain's number, so a warm-up can use domains the measured list does not. */
    private static void post(String base, String key, int addresses, int domains, int offset) throws Exception {
        var csv = new StringBuilder(addresses * 40).append("address\n");
        for (int i = 0; i < addresses; i++) {
            csv.append("user").append(i).append('@').append(domain(offset + i % domains)).append('\n');
        }
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        var request = HttpRequest.newBuilder(URI.create(base + "/verify"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString(), StandardCharsets.UTF_8)).build();
        long start = System.nanoTime();
        var response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        long rows = 0;
        String summary = null;
        try (var reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("# summary:")) {
                    summary = line;
                } else if (!line.startsWith("line,")) {
                    rows++;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 200 || summary == null || rows != addresses) {
            throw new IllegalStateException("POST /verify answered " + response.statusCode() + " with " + rows
                    + " rows and summary " + summary);
        }
        System.out.printf(java.util.Locale.ROOT, "addresses=%d domains=%d verify_seconds=%.1f addresses_per_s=%.0f summary=%s%n",
                addresses, domains, seconds, addresses / seconds, summary.substring("# summary: ".length()).replace(" ", ""));
    }
}
