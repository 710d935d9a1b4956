package dev.suppression.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Postfix policy listener under load, as many smtpd processes use it: {@code --connections} persistent
 * connections, each sending one RCPT request for a random probe address and waiting for its reply, as Postfix
 * does. Every reply is compared with the verdict the probe must get.
 *
 * <pre>
 * PolicyLoad run --port P --file probes.tsv --connections 16 --seconds S --warmup W --out F
 * </pre>
 *
 * Requests are built before the clock starts, so the loop costs the listener rather than this client.
 */
public final class PolicyLoad {

    private PolicyLoad() {
    }

    public static void main(String[] args) throws Exception {
        var options = BenchClient.options(args);
        var probes = BenchClient.readProbes(Path.of(options.get("file")));
        int port = Integer.parseInt(options.get("port"));
        int connections = Integer.parseInt(options.get("connections"));
        var requests = probes.stream().map(p -> request(p.address()).getBytes(StandardCharsets.UTF_8)).toList();
        var expected = probes.stream().map(p -> expectedStart(p.expected())).toList();

        var mismatches = new AtomicLong();
        var errors = new AtomicLong();
        var sockets = new Socket[connections];
        for (int i = 0; i < connections; i++) {
            sockets[i] = new Socket();
            sockets[i].connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            sockets[i].setTcpNoDelay(true);
            sockets[i].setSoTimeout(10_000);
        }
        var ins = new InputStream[connections];
        var outs = new OutputStream[connections];
        for (int i = 0; i < connections; i++) {
            ins[i] = new BufferedInputStream(sockets[i].getInputStream());
            outs[i] = sockets[i].getOutputStream();
        }
        BenchClient.Call ask = (worker, histogram) -> {
            int pick = ThreadLocalRandom.current().nextInt(requests.size());
            outs[worker].write(requests.get(pick));
            outs[worker].flush();
            var reply = readReply(ins[worker]);
            if (reply == null) {
                errors.incrementAndGet();
                throw new IOException("the listener closed connection " + worker);
            }
            if (!reply.startsWith(expected.get(pick))) {
                mismatches.incrementAndGet();
            }
            return 1;
        };
        BenchClient.timed(connections, Double.parseDouble(options.getOrDefault("warmup", "0")), ask);
        mismatches.set(0);
        var result = BenchClient.timed(connections, Double.parseDouble(options.get("seconds")), ask);
        for (var socket : sockets) {
            socket.close();
        }

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("connections", connections);
        figures.put("requests", result.units());
        figures.put("rps", Math.round(result.units() / result.seconds()));
        figures.put("p50_ms", BenchClient.round(result.latency().getValueAtPercentile(50) / 1e3, 3));
        figures.put("p99_ms", BenchClient.round(result.latency().getValueAtPercentile(99) / 1e3, 3));
        figures.put("mismatches", mismatches.get());
        figures.put("errors", errors.get());
        var out = Path.of(options.get("out"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        BenchClient.JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), figures);
        System.out.println(BenchClient.JSON.writeValueAsString(figures));
        System.exit(0);
    }

    /** The attributes a Postfix 3.7 smtpd sends at RCPT TO, with the values a submission would have. */
    static String request(String recipient) {
        return "request=smtpd_access_policy\nprotocol_state=RCPT\nprotocol_name=ESMTP\nclient_address=127.0.0.1\n"
                + "client_name=localhost\nclient_port=41234\nreverse_client_name=localhost\n"
                + "server_address=127.0.0.1\nserver_port=587\nhelo_name=app.sender.example\n"
                + "sender=app@sender.example\nrecipient=" + recipient + "\nrecipient_count=0\nqueue_id=\n"
                + "instance=8ba2.656c4f1e.2f1c3.0\nsize=0\netrn_domain=\nstress=\nsasl_method=\nsasl_username=\n"
                + "sasl_sender=\nccert_subject=\nccert_issuer=\nccert_fingerprint=\nccert_pubkey_fingerprint=\n"
                + "encryption_protocol=\nencryption_cipher=\nencryption_keysize=0\npolicy_context=\n"
                + "compatibility_level=3.6\nmail_version=3.7.11\n\n";
    }

    private static String expectedStart(String verdict) {
        return switch (verdict) {
            case "ALLOW" -> "action=DUNNO\n\n";
            case "SUPPRESSED" -> "action=550 5.";
            case "DOMAIN_PAUSED" -> "action=DEFER_IF_PERMIT 4.7.1 ";
            default -> throw new IllegalArgumentException("unknown verdict " + verdict);
        };
    }

    /** One reply up to its empty line; null when the connection closed first. */
    private static String readReply(InputStream in) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream(128);
        int previous = -1;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            bytes.write(b);
            if (b == '\n' && previous == '\n') {
                return bytes.toString(StandardCharsets.UTF_8);
            }
            previous = b;
        }
    }
}
