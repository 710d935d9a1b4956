package dev.suppression.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.DevSuppressionService;
import dev.suppression.SuppressionServiceApplication;
import dev.suppression.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The README is executable: every command of its walk-through, keys and webhook sections runs, in order, as a
 * newcomer would paste it (bash, curl, the dev key in {@code $KEY}), against the real service started with the
 * dev runner's settings on a fresh database, and each answer must be the one the README shows (see
 * {@link Resemblance} for what is masked). Only {@code http://localhost:8080} is pointed at this run's port.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeWalkthroughTests {

    private static final String DOCUMENTED_BASE = "http://localhost:8080";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ConfigurableApplicationContext service;
    private String base;
    private final Map<String, String> shellVariables = new HashMap<>();

    @BeforeAll
    void startTheDevServiceOnAFreshDatabase() {
        var database = TestDatabase.freshDatabase("readme");
        service = new SpringApplicationBuilder(SuppressionServiceApplication.class).run(DevSuppressionService.withDevSettings(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + database.getPassword(),
                "--spring.main.banner-mode=off"));
        int port = ((WebServerApplicationContext) service).getWebServer().getPort();
        base = "http://127.0.0.1:" + port;
        shellVariables.put("KEY", DevSuppressionService.DEV_ADMIN_KEY);
    }

    @AfterAll
    void stopTheService() {
        if (service != null) {
            service.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCommandAnswersAsTheReadmeShows() {
        var examples = ReadmeDocument.at(Path.of("README.md")).runnableExamples();
        assertThat(examples).as("the README's runnable sections hold its walk-through").hasSizeGreaterThan(20);
        return examples.stream().map(example -> DynamicTest.dynamicTest(example + ": " + firstLine(example.command()),
                () -> run(example)));
    }

    private void run(ReadmeExample example) throws Exception {
        var output = execute(example);
        record(example, output);
        capture(example, output);
        var expected = example.expected();
        var problems = new ArrayList<String>();
        switch (expected) {
            case null -> assertThat(output.exitCode()).as("%s exits 0; output:%n%s", example, output.stdout()).isZero();
            case ShownOutput.Http http -> compareHttp(http, output.stdout(), problems);
            case ShownOutput.Text text -> compareText(text, output.stdout(), problems);
        }
        assertThat(problems).as("%s: the answer differs from the README's.%nCommand:%n%s%nAnswer:%n%s%nstderr:%n%s",
                example, example.command(), output.stdout(), output.stderr()).isEmpty();
    }

    /** Later commands use what this answer names, as a reader would copy it: a key's id, a page's cursor. */
    private void capture(ReadmeExample example, Output output) {
        for (var capture : example.captures().entrySet()) {
            var body = JSON.readTree(httpBody(output.stdout()));
            var value = body.at(capture.getValue());
            assertThat(value.isMissingNode() || value.isNull())
                    .as("%s: the answer has %s for %s:%n%s", example, capture.getValue(), capture.getKey(), output.stdout())
                    .isFalse();
            shellVariables.put(capture.getKey(), value.isString() ? value.stringValue() : value.toString());
        }
    }

    private void compareHttp(ShownOutput.Http shown, String stdout, List<String> problems) {
        var head = stdout.split("\r?\n\r?\n", 2)[0];
        var headLines = head.lines().toList();
        var statusLine = headLines.isEmpty() ? "" : headLines.get(0);
        if (!statusLine.matches("HTTP/[0-9.]+ " + shown.status() + "\\b.*")) {
            problems.add("status: shown " + shown.status() + ", got '" + statusLine + "'");
        }
        for (var header : shown.headers()) {
            var name = header.substring(0, header.indexOf(':')).strip().toLowerCase(Locale.ROOT);
            var value = header.substring(header.indexOf(':') + 1).strip();
            var present = headLines.stream().skip(1).filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                    .map(line -> line.substring(line.indexOf(':') + 1).strip()).toList();
            if (present.stream().noneMatch(actual -> Resemblance.lineMatches(value, actual))) {
                problems.add("header " + header + ": got " + (present.isEmpty() ? "none" : present));
            }
        }
        var body = httpBody(stdout).strip();
        if (shown.body().isEmpty()) {
            if (!body.isEmpty()) {
                problems.add("the README shows no body, got " + body);
            }
            return;
        }
        if (shown.body().startsWith("{") || shown.body().startsWith("[")) {
            JsonNode actual;
            try {
                actual = JSON.readTree(body);
            } catch (RuntimeException e) {
                problems.add("the README shows JSON, got " + body);
                return;
            }
            problems.addAll(Resemblance.differences(JSON.readTree(shown.body()), actual));
        } else {
            compareText(new ShownOutput.Text(shown.body().lines().toList()), body, problems);
        }
    }

    private static void compareText(ShownOutput.Text shown, String stdout, List<String> problems) {
        var actual = stdout.lines().toList();
        if (actual.size() != shown.lines().size()) {
            problems.add("shown " + shown.lines().size() + " lines, got " + actual.size());
        }
        for (int i = 0; i < Math.min(actual.size(), shown.lines().size()); i++) {
            if (!Resemblance.lineMatches(shown.lines().get(i), actual.get(i))) {
                problems.add("line " + (i + 1) + ": shown '" + shown.lines().get(i) + "', got '" + actual.get(i) + "'");
            }
        }
    }

    private static String httpBody(String stdout) {
        var parts = stdout.split("\r?\n\r?\n", 2);
        return parts.length < 2 ? "" : parts[1];
    }

    private Output execute(ReadmeExample example) throws IOException, InterruptedException {
        var process = new ProcessBuilder("bash", "-c", "set -o pipefail\n" + example.command().replace(DOCUMENTED_BASE, base))
                .directory(Path.of("").toAbsolutePath().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        process.environment().putAll(shellVariables);
        var started = process.start();
        var stdout = started.getInputStream().readAllBytes();
        var stderr = started.getErrorStream().readAllBytes();
        if (!started.waitFor(60, TimeUnit.SECONDS)) {
            started.destroyForcibly();
            throw new AssertionError(example + " did not finish within 60 s");
        }
        return new Output(started.exitValue(), new String(stdout, StandardCharsets.UTF_8),
                new String(stderr, StandardCharsets.UTF_8));
    }

    /**
     * With {@code -Dreadme.record=FILE}, every answer is also appended to FILE as one JSON line, for whoever
     * updates the README after a deliberate change of an answer.
     */
    private static void record(ReadmeExample example, Output output) throws IOException {
        var file = System.getProperty("readme.record");
        if (file != null) {
            var line = JSON.writeValueAsString(Map.of("line", example.line(), "command", example.command(),
                    "stdout", output.stdout())) + "\n";
            java.nio.file.Files.writeString(Path.of(file), line, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        }
    }

    private static String firstLine(String command) {
        var first = command.lines().findFirst().orElse("").strip();
        return first.length() > 90 ? first.substring(0, 90) + "…" : first;
    }

    private record Output(int exitCode, String stdout, String stderr) { }
}
