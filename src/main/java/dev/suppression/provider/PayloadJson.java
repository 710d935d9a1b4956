package dev.suppression.provider;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading provider payloads leniently: providers add fields over time, and a field of the wrong kind is absent. */
public final class PayloadJson {

    private PayloadJson() {
    }

    /** The body as a JSON tree, or a 400 naming the provider when it is not JSON at all. */
    public static JsonNode read(JsonMapper json, byte[] body, String providerName) {
        try {
            var root = json.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw new MalformedWebhookException("The " + providerName + " webhook body is empty.");
            }
            return root;
        } catch (JacksonException e) {
            throw new MalformedWebhookException("The " + providerName + " webhook body is not JSON.");
        }
    }

    /**
     * A scalar field as text (numbers in plain decimal, so float timestamps never turn into exponents), or
     * null when it is missing, null, blank or not a scalar.
     */
    public static @Nullable String text(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return null;
        }
        var text = value.isNumber() ? value.decimalValue().toPlainString() : value.asString();
        return text.isBlank() ? null : text.strip();
    }
}
