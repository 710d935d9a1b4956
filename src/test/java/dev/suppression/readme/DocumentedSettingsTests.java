package dev.suppression.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Every environment variable the README's configuration table, {@code docker-compose.yml} and the
 * {@code Dockerfile} name reaches the setting it is documented for, through the service's own
 * {@code application.yaml} and Spring's relaxed binding: a variable that binds elsewhere does nothing.
 */
class DocumentedSettingsTests {

    private static final Pattern TICKED = Pattern.compile("`([^`]+)`");

    /** A row of the configuration table: the property and the variable documented for it. */
    record DocumentedSetting(String property, String variable) {

        @Override
        public String toString() {
            return variable + " -> " + property;
        }
    }

    static Stream<DocumentedSetting> documentedSettings() throws IOException {
        var settings = new ArrayList<DocumentedSetting>();
        boolean inTable = false;
        for (var line : Files.readAllLines(Path.of("README.md"))) {
            if (line.startsWith("## ")) {
                inTable = line.equals("## Configuration");
                continue;
            }
            if (!inTable || !line.startsWith("| `")) {
                continue;
            }
            var cells = line.split("\\|");
            var properties = ticked(cells[1]);
            var variables = ticked(cells[2]);
            for (int i = 0; i < Math.min(properties.size(), variables.size()); i++) {
                // "`suppression.providers.postmark.username` / `.password`": a later cell names only the last part.
                var property = expand(properties.getFirst(), properties.get(i), '.').replace("<role>", "ingest").replace("[n]", "[0]");
                var variable = expand(variables.getFirst(), variables.get(i), '_');
                settings.add(new DocumentedSetting(property, variable));
            }
        }
        return settings.stream();
    }

    @Test
    void theConfigurationTableIsRead() throws IOException {
        assertThat(documentedSettings()).hasSizeGreaterThan(30)
                .contains(new DocumentedSetting("suppression.security.bootstrap-admin-key", "SUPPRESSION_BOOTSTRAP_ADMIN_KEY"));
    }

    @ParameterizedTest
    @MethodSource("documentedSettings")
    void eachDocumentedVariableSetsItsSetting(DocumentedSetting setting) throws IOException {
        var value = "documented-value-for-" + setting.variable().toLowerCase();

        var bound = bind(setting.property(), Map.of(setting.variable(), value));

        assertThat(bound).as("%s set in the environment", setting.variable()).isEqualTo(value);
    }

    @Test
    void everyVariableDockerComposeAndTheDockerfilePassIsDocumented() throws IOException {
        var documented = documentedSettings().map(DocumentedSetting::variable).toList();
        var passed = new ArrayList<String>();
        var variable = Pattern.compile("^\\s+-?\\s*((?:SUPPRESSION|SPRING)_[A-Z0-9_]+)\\s*[:=]", Pattern.MULTILINE);
        for (var file : List.of("docker-compose.yml", "Dockerfile")) {
            var matcher = variable.matcher(Files.readString(Path.of(file)));
            while (matcher.find()) {
                passed.add(matcher.group(1));
            }
        }
        assertThat(passed).as("docker-compose.yml passes the admin key").contains("SUPPRESSION_BOOTSTRAP_ADMIN_KEY");
        assertThat(documented).containsAll(passed);
    }

    private static String bind(String property, Map<String, Object> variables) throws IOException {
        var environment = new StandardEnvironment();
        var sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                variables));
        for (var yaml : new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))) {
            sources.addLast(yaml);
        }
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bind(property, String.class).orElse("(not bound)");
    }

    private static List<String> ticked(String cell) {
        var found = new ArrayList<String>();
        var matcher = TICKED.matcher(cell);
        while (matcher.find()) {
            found.add(matcher.group(1).strip());
        }
        return found;
    }

    private static String expand(String first, String part, char separator) {
        if (part.equals(first) || part.indexOf(separator) != 0) {
            return part;
        }
        return first.substring(0, first.lastIndexOf(separator)) + part;
    }
}
