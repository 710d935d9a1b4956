package dev.suppression.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.bouncerate.SendLabels;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class SendLabelFieldsTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "{\"stream\": \"marketing\", \"list_source\": \"fair\"}          | outbound | Tag  | marketing | fair",
            "{\"listSource\": \"form\"}                                     | outbound | Tag  | outbound  | form",
            "{\"a_key\": \"a_value\"}                                        | outbound | Tag  | outbound  | Tag",
            "{\"stream\": [\"transactional\"], \"list_source\": [\"signup\"]} | none     | none | transactional | signup",
            "{\"stream\": \"  \", \"list_source\": 7}                        | none     | none | none      | none"})
    void theSendersOwnKeysWinOverTheProvidersFields(String metadata, String streamField, String sourceField,
                                                      String stream, String listSource) {
        var labels = SendLabelFields.from(JSON.readTree(metadata), streamField, sourceField);

        assertThat(labels).isEqualTo(SendLabels.of(stream, listSource));
    }
}
