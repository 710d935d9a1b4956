package dev.suppression.reliability;

import static org.assertj.core.api.Assertions.fail;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A real PostgreSQL 17 that a reliability test owns outright: it keeps its data in a fixed directory under
 * {@code target/} and listens on a fixed port, so the test can stop it under a running service and start it
 * again with the same data at the same address.
 */
final class PostgresServer implements AutoCloseable {

    private static final String USER = "postgres";

    private final Path dataDirectory;
    private final int port;
    private @Nullable EmbeddedPostgres running;

    private PostgresServer(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** A fresh server (any data a previous run left in the directory is wiped first) on a free port. */
    static PostgresServer startFresh(String name) {
        var directory = Path.of("target", "reliability", name).toAbsolutePath();
        deleteRecursively(directory);
        var server = new PostgresServer(directory, freePort());
        server.start();
        return server;
    }

    synchronized void start() {
        if (running != null) {
            return;
        }
        try {
            Files.createDirectories(dataDirectory);
            running = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory.toFile())
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    // The tests kill the service, never the database, so fsync buys nothing but time here.
                    .setServerConfig("fsync", "off")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL in " + dataDirectory + " on port " + port, e);
        }
    }

    /** A fast shutdown: open sessions are cut off and their transactions rolled back; the data stays. */
    synchronized void stop() {
        if (running == null) {
            return;
        }
        try {
            running.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop PostgreSQL on port " + port, e);
        } finally {
            running = null;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    String username() {
        return USER;
    }

    String password() {
        return USER;
    }

    /** Plain JDBC past the service, a fresh connection per statement, to look at what was really committed. */
    JdbcClient jdbc() {
        return JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), jdbcUrl(), USER, USER));
    }

    /**
     * Waits until some session is blocked on a lock (the test holds the other end), which proves the request
     * is inside its transaction; fails if the request finished first or nothing blocked within a minute.
     */
    void awaitSessionBlockedOnALock(CompletableFuture<?> request) {
        var deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (request.isDone()) {
                fail("The request finished although the lock it needs was held: %s", request.join());
            }
            if (jdbc().sql("select exists (select 1 from pg_stat_activity where wait_event_type = 'Lock')")
                    .query(Boolean.class).single()) {
                return;
            }
            ServiceProcess.sleep(Duration.ofMillis(20));
        }
        fail("No session blocked on the held lock within a minute");
    }

    @Override
    public void close() {
        stop();
    }

    static int freePort() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on 127.0.0.1", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }
}
