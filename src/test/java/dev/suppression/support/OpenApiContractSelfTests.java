package dev.suppression.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The contract checker itself: it passes what openapi.yaml declares and fails everything else. */
class OpenApiContractSelfTests {

    private static final String CHECK_PATH = "/suppressions/{address}";

    private static final String ALLOWED = """
            {"address": "jane@example.org", "mayMail": true, "verdict": "ALLOW", "probation": false,
             "suppression": null,
             "domain": {"domain": "example.org", "level": "NONE", "paused": false, "pausedAt": null,
                        "exempt": false, "distinctAddresses": 0, "windowStart": "2026-11-22T10:15:00Z"}}
            """;

    private static final String PROBLEM = """
            {"type": "about:blank", "title": "Invalid request", "status": 400,
             "detail": "'x' is not an address: it has no '@'", "instance": "/suppressions/x"}
            """;

    private final OpenApiContract contract = OpenApiContract.service();

    @Test
    void aDeclaredResponsePasses() {
        assertThatCode(() -> contract.check("GET", CHECK_PATH, 200, "application/json", ALLOWED))
                .doesNotThrowAnyException();
        assertThatCode(() -> contract.check("GET", CHECK_PATH, 400, "application/problem+json", PROBLEM))
                .doesNotThrowAnyException();
    }

    @Test
    void aMissingRequiredFieldFails() {
        var withoutVerdict = ALLOWED.replace("\"verdict\": \"ALLOW\", ", "");

        assertThatThrownBy(() -> contract.check("GET", CHECK_PATH, 200, "application/json", withoutVerdict))
                .isInstanceOf(AssertionError.class).hasMessageContaining("verdict");
    }

    @Test
    void aMissingFieldOfANestedReferencedSchemaFails() {
        var withoutWindowStart = ALLOWED.replace(", \"windowStart\": \"2026-11-22T10:15:00Z\"", "");

        assertThatThrownBy(() -> contract.check("GET", CHECK_PATH, 200, "application/json", withoutWindowStart))
                .isInstanceOf(AssertionError.class).hasMessageContaining("windowStart");
    }

    @Test
    void anUndocumentedFieldFails() {
        var withExtra = ALLOWED.replace("\"probation\": false,", "\"probation\": false, \"score\": 0.3,");

        assertThatThrownBy(() -> contract.check("GET", CHECK_PATH, 200, "application/json", withExtra))
                .isInstanceOf(AssertionError.class).hasMessageContaining("score");
    }

    @Test
    void aValueOutsideAnEnumFails() {
        var unknownVerdict = ALLOWED.replace("\"ALLOW\"", "\"MAYBE\"");

        assertThatThrownBy(() -> contract.check("GET", CHECK_PATH, 200, "application/json", unknownVerdict))
                .isInstanceOf(AssertionError.class).hasMessageContaining("verdict");
    }

    @Test
    void aTimestampThatIsNotRfc3339Fails() {
        var epochSeconds = ALLOWED.replace("\"2026-11-22T10:15:00Z\"", "\"yesterday\"");

        assertThatThrownBy(() -> contract.check("GET", CHECK_PATH, 200, "application/json", epochSeconds))
                .isInstanceOf(AssertionError.class).hasMessageContaining("windowStart");
    }

    @Test
    void anUndeclaredStatusFails() {
        assertThatThrownBy(() -> contract.check("GET", CHECK_PATH, 404, "application/problem+json",
                PROBLEM.replace("400", "404")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("404");
    }

    @Test
    void anUndeclaredContentTypeFails() {
        assertThatThrownBy(() -> contract.check("GET", CHECK_PATH, 400, "application/json", PROBLEM))
                .isInstanceOf(AssertionError.class).hasMessageContaining("application/json");
    }

    @Test
    void anErrorBodyThatIsNotAProblemFails() {
        assertThatThrownBy(() -> contract.check("GET", CHECK_PATH, 400, "application/problem+json",
                "{\"error\": \"Bad Request\", \"status\": 400}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("title");
    }

    @Test
    void aBodyThatIsNotJsonFails() {
        assertThatThrownBy(() -> contract.check("GET", CHECK_PATH, 200, "application/json", "<html>oops</html>"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("not JSON");
    }

    @Test
    void aStatusRangeOrDefaultIsHonouredAndABodylessResponseMustStayEmpty() {
        var spec = OpenApiContract.fromYaml("""
                openapi: 3.1.0
                info: {title: t, version: '1'}
                paths:
                  /things/{id}:
                    delete:
                      responses:
                        '204': {description: gone}
                        '4XX':
                          description: client error
                          content:
                            application/problem+json:
                              schema: {$ref: '#/components/schemas/Problem'}
                components:
                  schemas:
                    Problem:
                      type: object
                      required: [status]
                      properties: {status: {type: integer}}
                """);

        assertThatCode(() -> spec.check("DELETE", "/things/{id}", 204, null, "")).doesNotThrowAnyException();
        assertThatCode(() -> spec.check("DELETE", "/things/{id}", 404, "application/problem+json", "{\"status\": 404}"))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> spec.check("DELETE", "/things/{id}", 204, "application/json", "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("declares no body");
        assertThatThrownBy(() -> spec.check("DELETE", "/things/{id}", 409, "application/problem+json", "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("required property 'status'");
        assertThatThrownBy(() -> spec.check("DELETE", "/things/{id}", 500, "application/problem+json", "{}"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("500");
    }

    @Test
    void anUndeclaredOperationFails() {
        assertThatThrownBy(() -> contract.check("PATCH", CHECK_PATH, 200, "application/json", ALLOWED))
                .isInstanceOf(AssertionError.class).hasMessageContaining("PATCH");
        assertThatThrownBy(() -> contract.check("GET", "/addresses/{address}", 200, "application/json", ALLOWED))
                .isInstanceOf(AssertionError.class).hasMessageContaining("/addresses/{address}");
    }
}
