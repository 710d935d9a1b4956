package dev.suppression;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one place that decides where tests get PostgreSQL 17: a Testcontainers container when a Docker
 * engine is reachable, otherwise an embedded real PostgreSQL 17. Either way it is real PostgreSQL; no test
 * is skipped for lack of Docker.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabase {

    @Bean
    @ServiceConnection
    @Conditional(DockerAvailable.class)
    PostgreSQLContainer postgresContainer() {
        return new PostgreSQLContainer("postgres:17");
    }

    @Bean
    @Conditional(DockerUnavailable.class)
    JdbcConnectionDetails embeddedPostgres() {
        return EmbeddedPostgres17.forTests();
    }

    private static volatile @Nullable Boolean dockerAvailable;
    private static @Nullable PostgreSQLContainer sharedContainer;

    /**
     * The run's database for tests that start service instances themselves (several instances on one
     * database): the same choice as for every other test.
     */
    public static synchronized JdbcConnectionDetails sharedConnection() {
        if (!dockerAvailable()) {
            return EmbeddedPostgres17.forTests();
        }
        if (sharedContainer == null) {
            sharedContainer = new PostgreSQLContainer("postgres:17");
            sharedContainer.start();
        }
        var container = sharedContainer;
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return container.getUsername();
            }

            @Override
            public String getPassword() {
                return container.getPassword();
            }

            @Override
            public String getJdbcUrl() {
                return container.getJdbcUrl();
            }
        };
    }

    /**
     * A new, empty database on the run's server, for a test whose background work must not meet another
     * context's (a context kept in Spring's test cache goes on polling the tables it shares).
     */
    public static JdbcConnectionDetails freshDatabase(String prefix) {
        var shared = sharedConnection();
        var name = prefix + "_" + Long.toHexString(System.nanoTime());
        var admin = new SimpleDriverDataSource(new org.postgresql.Driver(), shared.getJdbcUrl(), shared.getUsername(),
                shared.getPassword());
        JdbcClient.create(admin).sql("create database " + name).update();
        var url = shared.getJdbcUrl().replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + name);
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return shared.getUsername();
            }

            @Override
            public String getPassword() {
                return shared.getPassword();
            }

            @Override
            public String getJdbcUrl() {
                return url;
            }
        };
    }

    /** Asked once per JVM; without a socket or DOCKER_HOST there is no engine to ask. */
    static boolean dockerAvailable() {
        if (dockerAvailable == null) {
            var hinted = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"))
                    || System.getenv("TESTCONTAINERS_HOST_OVERRIDE") != null;
            try {
                dockerAvailable = hinted && DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                dockerAvailable = false;
            }
        }
        return dockerAvailable;
    }

    static final class DockerAvailable implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return dockerAvailable();
        }
    }

    static final class DockerUnavailable implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !dockerAvailable();
        }
    }
}
