package dev.suppression.provider.resend;

import static dev.suppression.provider.PayloadJson.text;

import dev.suppression.bounce.Origin;
import dev.suppression.provider.HmacSha256;
import dev.suppression.provider.MalformedWebhookException;
import dev.suppression.provider.PayloadJson;
import dev.suppression.provider.ProviderEvents;
import dev.suppression.provider.SignedTimestamp;
import dev.suppression.provider.WebhookAdapter;
import dev.suppression.provider.WebhookAuthenticationException;
import dev.suppression.provider.WebhookPayload;
import dev.suppression.provider.SendLabelFields;
import dev.suppression.provider.WebhookPayload.ProviderEvent;
import dev.suppression.provider.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Resend webhooks, delivered and signed by Svix. Each event's {@code data.to} may list several recipients: each
 * becomes its own event, keyed by the {@code svix-id} header and the recipient. Events are counted and mapped
 * under their type without the {@code email.} prefix ({@code delivered}, {@code sent}, ...), so delivery counts
 * line up with the other providers'. Mapping:
 * <ul>
 * <li>{@code email.bounced}: a bounce. {@code data.bounce.diagnosticCode} is the receiving server's SMTP
 *     response when Resend has it; otherwise {@code data.bounce.message} is the text our classifier reads codes
 *     and phrases from ({@code bounce.type} Permanent or Transient does not override what the codes say).</li>
 * <li>{@code email.bounced} with {@code subType} Suppressed or OnAccountSuppressionList, or a message saying
 *     Resend suppressed sending, and {@code email.suppressed}: Resend refusing an address already on a
 *     suppression list, without an SMTP attempt: origin {@code sender}, evidence only.</li>
 * <li>{@code email.complained}: a complaint. Everything else (sent, delivered, delivery_delayed, opened,
 *     clicked, failed, ...) is counted by type under the sending domain of {@code data.from}.</li>
 * </ul>
 * Svix retries a message under the same {@code svix-id}, which is also handed on as the delivery id: a retry is
 * acknowledged as a duplicate without counting its activity again.
 */
@Component
class ResendWebhook implements WebhookAdapter {

    static final String ID = "svix-id";
    static final String TIMESTAMP = "svix-timestamp";
    static final String SIGNATURE = "svix-signature";
    private static final String SECRET_PREFIX = "whsec_";
    private static final int MAX_ID_LENGTH = 255;
    private static final Set<String> OWN_LIST_SUBTYPES = Set.of("suppressed", "onaccountsuppressionlist");
    private static final List<String> OWN_LIST_PHRASES = List.of("suppressed sending", "on the suppression list",
            "on the account suppression list", "on your suppression list");
    private static final Pattern SENTENCE_END = Pattern.compile("\\.\\s+(?=\\p{Lu})");
    private static final Pattern DSN_TYPE = Pattern.compile("^\\s*smtp\\s*;\\s*", Pattern.CASE_INSENSITIVE);

    private final byte @Nullable [] secret;
    private final SignedTimestamp timestamps;
    private final JsonMapper json;
    private final Clock clock;
    private final ProviderEvents events = new ProviderEvents("resend");

    ResendWebhook(ResendSettings settings, SignedTimestamp timestamps, JsonMapper json, Clock clock) {
        this.secret = decodeSecret(settings.signingSecret());
        this.timestamps = timestamps;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return "resend";
    }

    @Override
    public boolean isConfigured() {
        return secret != null;
    }

    @Override
    public void verify(WebhookRequest request) {
        var id = request.header(ID);
        var timestamp = request.header(TIMESTAMP);
        var signatures = request.header(SIGNATURE);
        if (id == null || id.isBlank() || timestamp == null || signatures == null) {
            throw new WebhookAuthenticationException("The Resend (Svix) svix-id, svix-timestamp or svix-signature "
                    + "header is missing.");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new WebhookAuthenticationException("The Resend (Svix) svix-id header is malformed.");
        }
        timestamps.requireFresh(timestamp, provider());
        var expected = HmacSha256.sign(Objects.requireNonNull(secret), signedContent(id, timestamp, request.body()));
        for (var candidate : signatures.strip().split("\\s+")) {
            var comma = candidate.indexOf(',');
            if (comma < 0 || !"v1".equals(candidate.substring(0, comma))) {
                continue;
            }
            try {
                if (HmacSha256.sameBytes(expected, Base64.getDecoder().decode(candidate.substring(comma + 1)))) {
                    return;
                }
            } catch (IllegalArgumentException notBase64) {
                // Another listed signature may still match.
            }
        }
        throw new WebhookAuthenticationException("No v1 signature in the svix-signature header matches the body.");
    }

    @Override
    public WebhookPayload parse(WebhookRequest request) {
        var root = PayloadJson.read(json, request.body(), "Resend");
        if (!root.isObject() || text(root, "type") == null) {
            throw new MalformedWebhookException("A Resend webhook is a JSON object naming its event in \"type\".");
        }
        var type = Objects.requireNonNull(text(root, "type")).toLowerCase(Locale.ROOT);
        var kind = type.startsWith("email.") ? type.substring("email.".length()) : type;
        var data = root.path("data");
        var raw = root.toString();
        var occurredAt = occurredAt(root, data);
        var svixId = Objects.requireNonNull(request.header(ID)).strip();
        var mapped = new ArrayList<ProviderEvent>();
        var recipients = recipients(data);
        if (recipients.isEmpty()) {
            // Still mapped, so a bounce or complaint without a recipient is rejected with its reason.
            mapped.add(map(kind, raw, data, null, svixId, occurredAt));
        }
        for (var recipient : recipients) {
            mapped.add(map(kind, raw, data, recipient, svixId + "/" + recipient.toLowerCase(Locale.ROOT), occurredAt));
        }
        return new WebhookPayload(mapped, svixId);
    }

    private ProviderEvent map(String kind, String raw, JsonNode data, @Nullable String recipient, String eventId,
                              Instant occurredAt) {
        var messageId = text(data, "email_id");
        var tags = data.get("tags");
        var labels = SendLabelFields.from(tags, null, SendLabelFields.firstText(tags, "category"));
        return (switch (kind) {
            case "bounced" -> bounce(kind, raw, data, recipient, occurredAt, eventId, messageId);
            case "suppressed" -> events.bounce(kind, raw, recipient, null, null, suppressedText(data), occurredAt,
                    eventId, messageId, null, Origin.SENDER);
            case "complained" -> events.complaint(kind, raw, recipient, occurredAt, eventId, messageId, "abuse");
            default -> events.activity(kind, text(data, "from"), occurredAt);
        }).labelled(labels, recipient);
    }

    private ProviderEvent bounce(String kind, String raw, JsonNode data, @Nullable String recipient,
                                 Instant occurredAt, String eventId, @Nullable String messageId) {
        var bounce = data.path("bounce");
        var type = text(bounce, "type");
        var subType = text(bounce, "subType");
        var message = text(bounce, "message");
        var smtpResponse = smtpResponse(bounce);
        if (refusedFromSuppressionList(subType, message)) {
            var said = message != null ? message : smtpResponse;
            return events.bounce(kind, raw, recipient, null, null,
                    "Resend suppressed sending (" + (subType == null ? "suppressed" : subType) + ")"
                            + (said == null ? "" : ": " + said),
                    occurredAt, eventId, messageId, null, Origin.SENDER);
        }
        var diagnostic = smtpResponse != null ? smtpResponse
                : message != null ? firstSentence(message)
                : "Resend reported a " + (type == null ? "" : type + " ") + "bounce"
                  + (subType == null ? "" : " (" + subType + ")") + " without a diagnostic";
        return events.bounce(kind, raw, recipient, null, null, diagnostic, occurredAt, eventId, messageId, null,
                Origin.RECIPIENT);
    }

    /**
     * Resend's {@code bounce.message} explains the subtype and then advises the sender ("... can have a negative
     * impact on your reputation as a sender"); only the explanation describes this bounce, and the advice would
     * read as a reputation block. The whole message stays in the raw event.
     */
    private static String firstSentence(String message) {
        var end = SENTENCE_END.matcher(message);
        return end.find() ? message.substring(0, end.start() + 1) : message;
    }

    private static boolean refusedFromSuppressionList(@Nullable String subType, @Nullable String message) {
        if (subType != null && OWN_LIST_SUBTYPES.contains(subType.toLowerCase(Locale.ROOT))) {
            return true;
        }
        var text = message == null ? "" : message.toLowerCase(Locale.ROOT);
        return OWN_LIST_PHRASES.stream().anyMatch(text::contains);
    }

    /** {@code email.suppressed}: what Resend said about the list the address is on. */
    private static String suppressedText(JsonNode data) {
        var suppressed = data.path("suppressed");
        var type = text(suppressed, "type");
        var message = text(suppressed, "message");
        return "Resend suppressed sending (" + (type == null ? "suppressed" : type) + ")"
                + (message == null ? "" : ": " + message);
    }

    /** The receiving server's response from the DSN's {@code Diagnostic-Code}, without its {@code smtp;} type. */
    private static @Nullable String smtpResponse(JsonNode bounce) {
        var codes = bounce.path("diagnosticCode");
        var parts = new ArrayList<String>();
        if (codes.isArray()) {
            codes.values().forEach(code -> {
                if (code.isString() && !code.asString().isBlank()) {
                    parts.add(DSN_TYPE.matcher(code.asString()).replaceFirst("").strip());
                }
            });
        } else if (codes.isString() && !codes.asString().isBlank()) {
            parts.add(DSN_TYPE.matcher(codes.asString()).replaceFirst("").strip());
        }
        parts.removeIf(String::isEmpty);
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static List<String> recipients(JsonNode data) {
        var to = data.path("to");
        var recipients = new ArrayList<String>();
        if (to.isArray()) {
            to.values().forEach(r -> {
                if (r.isString() && !r.asString().isBlank()) {
                    recipients.add(r.asString().strip());
                }
            });
        } else if (to.isString() && !to.asString().isBlank()) {
            recipients.add(to.asString().strip());
        }
        return recipients;
    }

    /** When the event happened: the event's {@code created_at}, else the email's. */
    private Instant occurredAt(JsonNode root, JsonNode data) {
        for (var candidate : new String[] {text(root, "created_at"), text(data, "created_at")}) {
            if (candidate != null) {
                try {
                    return ProviderEvents.timeOrReceipt(OffsetDateTime.parse(candidate).toInstant(), clock.instant());
                } catch (DateTimeParseException e) {
                    // try the next one
                }
            }
        }
        return clock.instant();
    }

    private static byte[] signedContent(String id, String timestamp, byte[] body) {
        var prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        var content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }


    private static byte @Nullable [] decodeSecret(@Nullable String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        var base64 = configured.strip();
        if (base64.startsWith(SECRET_PREFIX)) {
            base64 = base64.substring(SECRET_PREFIX.length());
        }
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("suppression.providers.resend.signing-secret is not the whsec_... "
                    + "secret Resend shows (whsec_ followed by base64)", e);
        }
    }
}
