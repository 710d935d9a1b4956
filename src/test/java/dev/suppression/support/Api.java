package dev.suppression.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the service the way its clients do, and reads the JSON answers. */
public final class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvcTester mvc;

    public Api(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    /** A domain no other test uses, so tests share one database without truncating it. */
    public static String uniqueDomain(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    public MvcTestResult postBounces(String json) {
        return mvc.post().uri("/bounces").contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    /** Posts and expects 200, returning the ingestion answer. */
    public JsonNode ingest(String json) {
        var result = postBounces(json);
        assertThat(result).hasStatusOk();
        return body(result);
    }

    /** A hard bounce ("550 5.1.1 user unknown") for one address. */
    public JsonNode hardBounce(String address) {
        return ingest(userUnknown(address));
    }

    public static String userUnknown(String address) {
        return """
                {"recipient": "%s", "smtpCode": 550, "enhancedCode": "5.1.1",
                 "diagnostic": "550 5.1.1 <%s>: Recipient address rejected: User unknown in virtual mailbox table",
                 "reportingMta": "mx1.recipient.example", "messageId": "<m-%s@sender.example>"}
                """.formatted(address, address, UUID.randomUUID());
    }

    public JsonNode check(String address) {
        var result = mvc.get().uri("/suppressions/{address}", address).exchange();
        assertThat(result).hasStatusOk();
        return body(result);
    }

    public JsonNode domain(String domain) {
        var result = mvc.get().uri("/domains/{domain}", domain).exchange();
        assertThat(result).hasStatusOk();
        return body(result);
    }

    public MvcTestResult clear(String address, String reason, boolean force) {
        return mvc.delete().uri("/suppressions/{address}", address).param("reason", reason)
                .param("force", String.valueOf(force)).header("X-Actor", "alice").exchange();
    }

    public MvcTestResult resume(String domain, String reason) {
        return mvc.post().uri("/domains/{domain}/resume", domain).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"" + reason + "\"}").header("X-Actor", "bob").exchange();
    }

    public MvcTestResult suppressManually(String address, String reason) {
        return mvc.put().uri("/suppressions/{address}", address).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"" + reason + "\"}").header("X-Actor", "carol").exchange();
    }

    public JsonNode history(String address) {
        var result = mvc.get().uri("/suppressions/{address}/history", address).exchange();
        assertThat(result).hasStatusOk();
        return body(result);
    }

    public static JsonNode body(MvcTestResult result) {
        try {
            return JSON.readTree(result.getResponse().getContentAsString());
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
