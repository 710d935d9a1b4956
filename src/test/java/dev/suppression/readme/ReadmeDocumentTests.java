package dev.suppression.readme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadmeDocumentTests {

    @Test
    void onlyTheRunnableSectionsGiveExamplesEachWithTheAnswerShownAfterIt() {
        var readme = ReadmeDocument.of("""
                ## Run it

                ```bash
                ./mvnw verify
                ```

                ## Walk-through

                <!-- readme: KEY_ID from /key/id -->
                ```bash
                curl -sS -i http://localhost:8080/api-keys
                ```

                ```http
                HTTP/1.1 201
                Content-Type: application/json

                {"key": {"id": "…"}}
                ```

                ```bash
                curl -sS http://localhost:8080/openapi.yaml | head -n 1
                ```

                ```text
                openapi: 3.1.0
                ```
                """);

        var examples = readme.runnableExamples();

        assertThat(examples).hasSize(2);
        assertThat(examples.get(0).command()).isEqualTo("curl -sS -i http://localhost:8080/api-keys");
        assertThat(examples.get(0).captures()).containsEntry("KEY_ID", "/key/id");
        assertThat(examples.get(0).expected()).isEqualTo(new ShownOutput.Http(201,
                java.util.List.of("Content-Type: application/json"), "{\"key\": {\"id\": \"…\"}}"));
        assertThat(examples.get(1).captures()).isEmpty();
        assertThat(examples.get(1).expected()).isEqualTo(new ShownOutput.Text(java.util.List.of("openapi: 3.1.0")));
    }
}
