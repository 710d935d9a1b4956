package dev.suppression.reliability;

import static org.assertj.core.api.Assertions.fail;

import dev.suppression.SuppressionServiceApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service as a separate operating-system process, started the way {@code java -jar} starts it (same main
 * class, same class path as the tests), so a test can SIGKILL or SIGTERM it. Its console goes to a log file
 * under {@code target/reliability/}.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);

    private final Process process;
    private final Path logFile;
    private final RealHttp http;

    private ServiceProcess(Process process, Path logFile, int port) {
        this.process = process;
        this.logFile = logFile;
        this.http = new RealHttp(port);
    }

    /**
     * Starts the service and waits until its readiness probe answers UP. Surefire boots its fork from a
     * manifest-only jar but puts the real class path into {@code java.class.path}; were it only that jar,
     * {@code java -cp} would still follow the jar's {@code Class-Path}, so the child sees the tests' classes
     * either way.
     */
    static ServiceProcess start(String name, PostgresServer database) {
        var port = PostgresServer.freePort();
        return launch(name, port, List.of(ServiceCommandLine.of(database, port)), java.util.Map.of());
    }

    /**
     * Starts the service configured only through the environment variables the README documents for a
     * deployment (the datasource and the first admin key, {@code TestKeys.ADMIN}), as docker-compose or a
     * Kubernetes secret passes them; only the loopback address and the port are arguments.
     */
    static ServiceProcess startFromEnvironment(String name, PostgresServer database) {
        var port = PostgresServer.freePort();
        var environment = java.util.Map.of(
                "SPRING_DATASOURCE_URL", database.jdbcUrl(),
                "SPRING_DATASOURCE_USERNAME", database.username(),
                "SPRING_DATASOURCE_PASSWORD", database.password(),
                "SUPPRESSION_BOOTSTRAP_ADMIN_KEY", dev.suppression.support.TestKeys.ADMIN);
        return launch(name, port, List.of("--server.address=127.0.0.1", "--server.port=" + port,
                "--spring.main.banner-mode=off"), environment);
    }

    private static ServiceProcess launch(String name, int port, List<String> arguments,
                                         java.util.Map<String, String> environment) {
        var logFile = Path.of("target", "reliability", name + ".log").toAbsolutePath();
        var command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // A small, quick-starting JVM: these machines have two cores for it, the test JVM and PostgreSQL.
                // (No class-data archive: CDS refuses class paths with directories such as target/classes.)
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx384m",
                "-cp", System.getProperty("java.class.path"),
                SuppressionServiceApplication.class.getName()));
        command.addAll(arguments);
        try {
            Files.createDirectories(logFile.getParent());
            var builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
            builder.environment().keySet().removeIf(variable -> variable.startsWith("SUPPRESSION_"));
            builder.environment().putAll(environment);
            var process = builder.start();
            var classPath = System.getProperty("java.class.path");
            log.info("Started service process {} (pid {}) on port {} with a class path of {} entries{}; log in {}", name,
                    process.pid(), port, classPath.split(java.io.File.pathSeparator).length,
                    classPath.contains("surefirebooter") ? " (surefire's manifest-only jar)" : "", logFile);
            var service = new ServiceProcess(process, logFile, port);
            service.awaitReady(Duration.ofSeconds(120));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the service process " + name, e);
        }
    }

    RealHttp http() {
        return http;
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL: no shutdown hook, no graceful anything; the JVM is gone at once. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            fail("Process %d survived SIGKILL", process.pid());
        }
    }

    /** SIGTERM: what an orchestrator sends first; the JVM runs its shutdown hooks. */
    void terminate() {
        process.destroy();
    }

    /** The exit code, or empty when the process is still running after the timeout. */
    OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
                ? OptionalInt.of(process.exitValue()) : OptionalInt.empty();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the process wrote, for failure messages. */
    String logTail() {
        try {
            var lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    String logText() {
        try {
            return Files.readString(logFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private void awaitReady(Duration timeout) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                fail("The service process exited with %d before it was ready; class path %s%n%s",
                        process.exitValue(), System.getProperty("java.class.path"), logTail());
            }
            try {
                if (http.get("/actuator/health/readiness").status() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the web server opens its port late in startup
            }
            sleep(Duration.ofMillis(200));
        }
        process.destroyForcibly();
        fail("The service process was not ready within %s%n%s", timeout, logTail());
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
