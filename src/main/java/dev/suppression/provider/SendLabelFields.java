package dev.suppression.provider;

import dev.suppression.address.EmailAddress;
import dev.suppression.address.InvalidAddressException;
import dev.suppression.bouncerate.SendLabels;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads a stream and a list source out of the fields a provider lets senders attach to a message (tags,
 * categories, metadata, custom arguments). Senders name them {@code stream} and {@code list_source} (or
 * {@code listSource}) in those fields; where a provider has a stream or campaign field of its own, that is the
 * fallback. Which fields each adapter reads is in the README.
 */
public final class SendLabelFields {

    private SendLabelFields() {
    }

    /** {@code stream} and {@code list_source}/{@code listSource} of a metadata object, else the fallbacks. */
    public static SendLabels from(@Nullable JsonNode metadata, @Nullable String streamFallback,
                                  @Nullable String sourceFallback) {
        var stream = firstText(metadata, "stream");
        var source = firstText(metadata, "list_source");
        if (source == null) {
            source = firstText(metadata, "listSource");
        }
        return SendLabels.of(stream != null ? stream : streamFallback, source != null ? source : sourceFallback);
    }

    /** A string field, or the first string of an array field (SES tags and SendGrid categories are arrays). */
    public static @Nullable String firstText(@Nullable JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            return null;
        }
        return first(node.get(field));
    }

    /** The node's text, or the first text of an array. */
    public static @Nullable String first(@Nullable JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isArray()) {
            return value.isEmpty() ? null : first(value.get(0));
        }
        return value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
    }

    static @Nullable String domainOf(String recipient) {
        try {
            return EmailAddress.parse(recipient).domain().value();
        } catch (InvalidAddressException e) {
            return null;
        }
    }
}
