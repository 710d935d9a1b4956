package dev.suppression.reliability;

import dev.suppression.support.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real HTTP/1.1 over a socket to one service instance on 127.0.0.1, as the bootstrap admin, the way senders,
 * ESPs and ops tools call it.
 */
final class RealHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final URI base;
    private final HttpClient client;

    RealHttp(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
        this.client = newClient();
    }

    /** A client of its own (no pooled connection to reuse), to see how a brand-new connection is treated. */
    RealHttp freshClient() {
        return new RealHttp(base.getPort());
    }

    private static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    Reply get(String path) throws IOException {
        return send(request(path).GET());
    }

    Reply post(String path, String json) throws IOException {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply delete(String path) throws IOException {
        return send(request(path).DELETE());
    }

    /** The check: {@code GET /suppressions/{address}}. */
    Reply check(String address) throws IOException {
        return get("/suppressions/" + address);
    }

    Reply postBounces(String json) throws IOException {
        return post("/bounces", json);
    }

    /** Posts in the background, for a request that is to be in flight while the test does something else. */
    CompletableFuture<Reply> postBouncesInBackground(String json) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return postBounces(json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TestKeys.ADMIN).header("X-Actor", "reliability-test");
    }

    private Reply send(HttpRequest.Builder request) throws IOException {
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for " + request.build().uri(), e);
        }
    }

    /** One HTTP answer: status, headers and body as received. */
    record Reply(int status, HttpHeaders headers, String body) {

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (RuntimeException e) {
                throw new UncheckedIOException(new IOException("Not JSON (status " + status + "): " + body, e));
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + body;
        }
    }
}
