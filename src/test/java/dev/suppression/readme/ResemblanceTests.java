package dev.suppression.readme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ResemblanceTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static java.util.List<String> differences(String shown, String actual) {
        return Resemblance.differences(JSON.readTree(shown), JSON.readTree(actual));
    }

    @Test
    void theSameAnswerResembles() {
        assertThat(differences("{\"a\": 1, \"b\": [\"x\"]}", "{\"a\":1,\"b\":[\"x\"]}")).isEmpty();
    }

    @Test
    void aDifferentValueIsNamedByItsPointer() {
        assertThat(differences("{\"a\": {\"level\": \"SINGLE_ADDRESS\"}}", "{\"a\": {\"level\": \"NONE\"}}"))
                .singleElement().asString().startsWith("/a/level").contains("SINGLE_ADDRESS").contains("NONE");
    }

    @Test
    void aFieldTheReadmeDoesNotShowIsADifference() {
        assertThat(differences("{\"a\": 1}", "{\"a\": 1, \"raw\": \"x\"}")).singleElement().asString().contains("raw");
    }

    @Test
    void fieldsInAnotherOrderAreADifference() {
        assertThat(differences("{\"a\": 1, \"b\": 2}", "{\"b\": 2, \"a\": 1}")).singleElement().asString()
                .contains("order");
    }

    @Test
    void anEllipsisFieldAllowsFurtherFields() {
        assertThat(differences("{\"a\": 1, \"…\": \"…\"}", "{\"a\": 1, \"b\": 2}")).isEmpty();
    }

    @Test
    void anEllipsisValueMatchesAnything() {
        assertThat(differences("{\"raw\": \"…\"}", "{\"raw\": {\"deep\": [1, 2]}}")).isEmpty();
    }

    @Test
    void anEllipsisInsideAStringMatchesAnyCharacters() {
        assertThat(differences("{\"secret\": \"sk_live_…\"}", "{\"secret\": \"sk_live_Ab3xyz\"}")).isEmpty();
        assertThat(differences("{\"secret\": \"sk_live_…\"}", "{\"secret\": \"sk_test_Ab3xyz\"}")).hasSize(1);
    }

    @Test
    void timestampsAndIdsAreMaskedButKeepTheirKind() {
        assertThat(differences("{\"id\": 1, \"at\": \"2026-11-23T11:10:00Z\"}",
                "{\"id\": 7, \"at\": \"2027-01-02T03:04:05.123456Z\"}")).isEmpty();
        assertThat(differences("{\"id\": 1, \"at\": \"2026-11-23T11:10:00Z\"}", "{\"id\": \"7\", \"at\": null}"))
                .hasSize(2);
    }

    @Test
    void anArrayEndingInAnEllipsisAllowsMoreItemsButNotFewer() {
        assertThat(differences("[1, \"…\"]", "[1, 2, 3]")).isEmpty();
        assertThat(differences("[1, 2, \"…\"]", "[1]")).hasSize(1);
        assertThat(differences("[1, 2]", "[1, 2, 3]")).hasSize(1);
    }

    @Test
    void textLinesMatchWithTheirEllipsis() {
        assertThat(Resemblance.lineMatches("suppression_x_total 2.0", "suppression_x_total 2.0")).isTrue();
        assertThat(Resemblance.lineMatches("suppression_x_total 2.0", "suppression_x_total 3.0")).isFalse();
        assertThat(Resemblance.lineMatches("openapi: …", "openapi: 3.1.0")).isTrue();
    }
}
