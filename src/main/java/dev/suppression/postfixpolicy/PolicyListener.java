package dev.suppression.postfixpolicy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The TCP side of the policy protocol: one virtual thread per connection, each connection held open for as
 * many requests as Postfix sends (it reconnects with a delay when a server closes them), at most
 * {@code max-connections} at once, idle ones closed after {@code read-timeout}. A client that misbehaves
 * loses its own connection, never the listener.
 */
final class PolicyListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PolicyListener.class);

    private final PostfixPolicySettings settings;
    private final RecipientPolicy policy;
    private final Semaphore slots;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionNumber = new AtomicLong();
    private final Counter refused;
    private volatile @Nullable ServerSocket server;

    PolicyListener(PostfixPolicySettings settings, RecipientPolicy policy, MeterRegistry meters) {
        this.settings = settings;
        this.policy = policy;
        this.slots = new Semaphore(settings.maxConnections());
        Gauge.builder("suppression.postfix.policy.connections", open, Set::size)
                .description("Postfix policy connections open now").register(meters);
        this.refused = Counter.builder("suppression.postfix.policy.connections.refused")
                .description("Postfix policy connections closed at once because max-connections were open")
                .register(meters);
    }

    @Override
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            var socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(settings.address()), settings.port()),
                    settings.maxConnections());
            server = socket;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not listen for Postfix policy requests on " + settings.address()
                    + ":" + settings.port() + " (suppression.postfix-policy.address and .port)", e);
        }
        Thread.ofPlatform().name("postfix-policy-accept").daemon().start(this::acceptConnections);
        if (settings.failsOpen()) {
            log.warn("Postfix policy listener fails open: while the check is unavailable it answers '{}'",
                    settings.outageAction());
        }
        log.info("Listening for Postfix policy requests on {}:{} (at most {} connections)", settings.address(),
                port(), settings.maxConnections());
    }

    @Override
    public synchronized void stop() {
        var socket = server;
        server = null;
        if (socket == null) {
            return;
        }
        closeQuietly(socket);
        open.forEach(PolicyListener::closeQuietly);
        log.info("Stopped the Postfix policy listener");
    }

    @Override
    public boolean isRunning() {
        return server != null;
    }

    /** Whether it is bound and accepting, for the readiness group. */
    boolean isListening() {
        var socket = server;
        return socket != null && socket.isBound() && !socket.isClosed();
    }

    /** The port it listens on; the chosen one when configured as 0. */
    int port() {
        var socket = server;
        return socket == null ? settings.port() : socket.getLocalPort();
    }

    int openConnections() {
        return open.size();
    }

    private void acceptConnections() {
        var socket = server;
        while (socket != null && !socket.isClosed()) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    log.error("Accepting a Postfix policy connection failed; still listening", e);
                }
                continue;
            }
            if (!slots.tryAcquire()) {
                refused.increment();
                log.warn("Refused a Postfix policy connection from {}: {} are open (suppression.postfix-policy"
                        + ".max-connections)", connection.getRemoteSocketAddress(), settings.maxConnections());
                closeQuietly(connection);
                continue;
            }
            open.add(connection);
            Thread.ofVirtual().name("postfix-policy-" + connectionNumber.incrementAndGet())
                    .start(() -> serve(connection));
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout(Math.toIntExact(Math.min(Integer.MAX_VALUE, settings.readTimeout().toMillis())));
            connection.setTcpNoDelay(true);
            var requests = new PolicyRequestReader(connection.getInputStream());
            var replies = connection.getOutputStream();
            PolicyRequest request;
            while ((request = requests.next()) != null) {
                var answer = policy.answer(request);
                // One write per reply: "action=..." and the empty line that ends it, LF only.
                replies.write(("action=" + answer.action() + "\n\n").getBytes(StandardCharsets.UTF_8));
                replies.flush();
            }
        } catch (SocketTimeoutException e) {
            log.debug("Closed a Postfix policy connection idle for {}", settings.readTimeout());
        } catch (SocketException e) {
            log.debug("Postfix policy connection ended: {}", e.getMessage());
        } catch (IOException | RuntimeException e) {
            log.warn("Dropped a Postfix policy connection from {}", connection.getRemoteSocketAddress(), e);
        } finally {
            open.remove(connection);
            slots.release();
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException e) {
            log.debug("Closing {} failed: {}", closeable, e.getMessage());
        }
    }
}
