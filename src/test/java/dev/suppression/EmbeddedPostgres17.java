package dev.suppression;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * A real PostgreSQL 17 server started from the Maven Central binaries, for machines without a Docker engine.
 * One server per JVM (and per data directory), stopped when the JVM exits.
 */
final class EmbeddedPostgres17 {

    private static @Nullable EmbeddedPostgres shared;

    private EmbeddedPostgres17() {
    }

    /** A throw-away server for tests, shared by every test context in the JVM. */
    static synchronized JdbcConnectionDetails forTests() {
        if (shared == null) {
            shared = start(null);
        }
        return details(shared);
    }

    /**
     * A server that keeps its data in {@code dataDirectory} between runs (the dev runner). The caller owns
     * it and closes it, after the application has drained its connections.
     */
    static EmbeddedPostgres persistentIn(File dataDirectory) {
        return startServer(dataDirectory);
    }

    static JdbcConnectionDetails connectionTo(EmbeddedPostgres postgres) {
        return details(postgres);
    }

    private static EmbeddedPostgres start(@Nullable File dataDirectory) {
        var postgres = startServer(dataDirectory);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is going away; the server process dies with it
            }
        }));
        return postgres;
    }

    private static EmbeddedPostgres startServer(@Nullable File dataDirectory) {
        try {
            var builder = EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", dataDirectory == null ? "off" : "on");
            if (dataDirectory != null) {
                dataDirectory.mkdirs();
                builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL 17", e);
        }
    }

    private static JdbcConnectionDetails details(EmbeddedPostgres postgres) {
        var url = postgres.getJdbcUrl("postgres", "postgres");
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return "postgres";
            }

            @Override
            public String getPassword() {
                return "postgres";
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }
}
