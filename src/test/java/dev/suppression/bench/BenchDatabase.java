package dev.suppression.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;

/**
 * The benchmark's own PostgreSQL 17: the same embedded server the dev runner uses, in a fresh
 * {@code target/bench-postgres} (or the directory given as the first argument), with {@code fsync} on (unless
 * {@code BENCH_PG_FSYNC=off}) and {@code synchronous_commit} off, the embedded server's default (a commit does not
 * wait for its WAL flush; {@code BENCH_PG_SYNCHRONOUS_COMMIT=on} makes it wait). Prints one line
 * {@code BENCH_JDBC_URL=...} once it accepts connections, then stays up until the process is told to stop
 * (SIGTERM / Ctrl+C), which stops the server cleanly.
 */
public final class BenchDatabase {

    private BenchDatabase() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        var dataDirectory = new File(args.length > 0 ? args[0] : "target/bench-postgres");
        var fsync = System.getenv().getOrDefault("BENCH_PG_FSYNC", "on");
        var synchronousCommit = System.getenv().getOrDefault("BENCH_PG_SYNCHRONOUS_COMMIT", "off");
        dataDirectory.getParentFile().mkdirs();
        var postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(true)
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", fsync)
                .setServerConfig("synchronous_commit", synchronousCommit)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start();
        var stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("Could not stop the benchmark PostgreSQL cleanly: " + e.getMessage());
            }
            stopped.countDown();
        }));
        System.out.println("BENCH_JDBC_URL=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
        System.out.println("BENCH_PG_FSYNC=" + fsync);
        System.out.flush();
        stopped.await();
    }
}
