package dev.suppression.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/** An HTTP server on 127.0.0.1 that takes webhook deliveries, answers with the status a test sets, and keeps them. */
public final class TestWebhookReceiver implements AutoCloseable {

    /** One delivery as received, with the status it was answered. */
    public record Delivery(Map<String, List<String>> headers, String body, int answered) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse("");
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile ToIntFunction<String> status = body -> 200;

    public TestWebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int answer = status.applyAsInt(body);
            deliveries.add(new Delivery(Map.copyOf(exchange.getRequestHeaders()), body, answer));
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Answers every delivery with this status from now on. */
    public void answer(int code) {
        status = body -> code;
    }

    /** Decides the status per delivery body. */
    public void answer(ToIntFunction<String> byBody) {
        status = byBody;
    }

    public List<Delivery> deliveries(Predicate<Delivery> which) {
        return deliveries.stream().filter(which).toList();
    }

    /** Waits until {@code count} deliveries match, or the timeout passes; returns the matching ones. */
    public List<Delivery> await(Predicate<Delivery> which, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (deliveries(which).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(25);
        }
        return deliveries(which);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
