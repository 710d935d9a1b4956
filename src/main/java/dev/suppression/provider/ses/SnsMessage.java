package dev.suppression.provider.ses;

import dev.suppression.provider.WebhookAuthenticationException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An SNS HTTP/S message as posted: its type and its top-level string fields, exactly as sent (JSON escapes undone,
 * which is the form the signature covers). Fields SNS may add later are kept and ignored.
 */
record SnsMessage(SnsMessageType type, Map<String, String> fields) {

    /**
     * Reads the envelope; anything that is not a complete SNS message cannot be verified and is refused as such.
     *
     * @throws WebhookAuthenticationException when the body is not an SNS message or lacks a field its signature covers
     */
    static SnsMessage read(byte[] body, JsonMapper json) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw new WebhookAuthenticationException("The body is not an SNS message (not JSON), so it cannot be verified.");
        }
        if (root == null || !root.isObject()) {
            throw new WebhookAuthenticationException("The body is not an SNS message (not a JSON object), so it cannot be verified.");
        }
        var fields = new HashMap<String, String>();
        for (var field : root.properties()) {
            if (field.getValue().isString()) {
                fields.put(field.getKey(), field.getValue().stringValue());
            }
        }
        var typeName = fields.get("Type");
        if (typeName == null) {
            // Raw message delivery posts the bare SES JSON: there is no signature to check.
            throw new WebhookAuthenticationException("The body is not an SNS message (no Type), so it cannot be "
                    + "verified. Turn raw message delivery off on the SNS subscription.");
        }
        var type = SnsMessageType.of(typeName).orElseThrow(() -> new WebhookAuthenticationException(
                "The SNS message type '" + typeName + "' is unknown, so it cannot be verified."));
        var message = new SnsMessage(type, Map.copyOf(fields));
        for (var required : type.signedFields()) {
            if (!required.equals(SnsMessageType.OPTIONAL_SIGNED_FIELD)) {
                message.require(required);
            }
        }
        for (var required : new String[] {"SignatureVersion", "Signature", "SigningCertURL"}) {
            message.require(required);
        }
        return message;
    }

    /** A field's value; the fields the signature covers are known to be present once read. */
    String require(String name) {
        var value = fields.get(name);
        if (value == null) {
            throw new WebhookAuthenticationException("The SNS " + type.wireName() + " has no " + name
                    + ", so its signature cannot be checked.");
        }
        return value;
    }

    @Nullable String get(String name) {
        return fields.get(name);
    }

    String messageId() {
        return require("MessageId");
    }

    String topicArn() {
        return require("TopicArn");
    }

    String message() {
        return require("Message");
    }

    String timestamp() {
        return require("Timestamp");
    }
}
