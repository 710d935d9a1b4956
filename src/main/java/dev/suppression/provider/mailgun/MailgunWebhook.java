package dev.suppression.provider.mailgun;

import static dev.suppression.provider.PayloadJson.text;

import dev.suppression.bounce.Origin;
import dev.suppression.classification.SmtpStage;
import dev.suppression.provider.HmacSha256;
import dev.suppression.provider.MalformedWebhookException;
import dev.suppression.provider.ProviderEvents;
import dev.suppression.provider.SignedTimestamp;
import dev.suppression.provider.WebhookAdapter;
import dev.suppression.provider.WebhookAuthenticationException;
import dev.suppression.provider.WebhookPayload;
import dev.suppression.provider.SendLabelFields;
import dev.suppression.provider.WebhookPayload.ProviderEvent;
import dev.suppression.provider.WebhookRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mailgun webhooks (v3): {@code {"signature": {...}, "event-data": {...}}}, one event per request. Mapping:
 * <ul>
 * <li>{@code failed} with {@code severity: permanent}: a bounce. {@code delivery-status.code} is the SMTP reply
 *     code, {@code .enhanced-code} the enhanced code when present, {@code .message} (else {@code .description})
 *     the response, {@code .mx-host} the rejecting host, {@code message.headers.message-id} the message id.</li>
 * <li>{@code failed} that Mailgun refused from its own suppression lists without an SMTP attempt
 *     ({@code reason: suppress-bounce} and the other {@code suppress-*} reasons, codes 605 and 607, "Not
 *     delivering to previously bounced address"): origin {@code sender}, evidence only.</li>
 * <li>{@code failed} with {@code severity: temporary}: Mailgun will retry, so it is a deferral, counted as
 *     {@code deferred} and not a bounce.</li>
 * <li>{@code complained}: a complaint. Everything else (accepted, delivered, opened, clicked, unsubscribed,
 *     rejected, ...) is counted by type under the sending domain of {@code envelope.sender}.</li>
 * </ul>
 * Mailgun's event {@code id} is unique only within a day, so the idempotency key is the id together with the
 * event's timestamp. The signature covers only {@code timestamp + token}, not the body; the token is single use
 * (a token seen before is a replay) and is handed on as the delivery id, so it is recorded in the same
 * transaction as the event.
 */
@Component
class MailgunWebhook implements WebhookAdapter {

    private static final int MAX_TOKEN_LENGTH = 255;
    private static final Set<Integer> OWN_LIST_CODES = Set.of(605, 607);
    private static final List<String> OWN_LIST_PHRASES = List.of(
            "not delivering to previously bounced address", "not delivering to a user who marked");

    private final byte @Nullable [] signingKey;
    private final SignedTimestamp timestamps;
    private final MailgunTokens tokens;
    private final ObjectReader json;
    private final Clock clock;
    private final ProviderEvents events = new ProviderEvents("mailgun");

    MailgunWebhook(MailgunSettings settings, SignedTimestamp timestamps, MailgunTokens tokens, JsonMapper json,
                   Clock clock) {
        var key = settings.signingKey();
        this.signingKey = key == null || key.isBlank() ? null : key.strip().getBytes(StandardCharsets.UTF_8);
        this.timestamps = timestamps;
        this.tokens = tokens;
        // Event timestamps are float seconds; read them exactly so the idempotency key never drifts.
        this.json = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        this.clock = clock;
    }

    @Override
    public String provider() {
        return "mailgun";
    }

    @Override
    public boolean isConfigured() {
        return signingKey != null;
    }

    @Override
    public void verify(WebhookRequest request) {
        var root = readOrNull(request);
        var signature = root == null ? null : root.get("signature");
        var timestamp = signature == null ? null : text(signature, "timestamp");
        var token = signature == null ? null : text(signature, "token");
        var presented = signature == null ? null : text(signature, "signature");
        if (timestamp == null || token == null || presented == null) {
            throw new WebhookAuthenticationException(
                    "The Mailgun body carries no signature object with timestamp, token and signature.");
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw new WebhookAuthenticationException("The Mailgun signature token is malformed.");
        }
        timestamps.requireFresh(timestamp, provider());
        var expected = HexFormat.of().formatHex(HmacSha256.sign(Objects.requireNonNull(signingKey),
                (timestamp + token).getBytes(StandardCharsets.UTF_8)));
        if (!HmacSha256.sameBytes(expected.getBytes(StandardCharsets.US_ASCII),
                presented.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new WebhookAuthenticationException("The Mailgun signature does not match the timestamp and token.");
        }
        if (tokens.used(token)) {
            throw new WebhookAuthenticationException("The Mailgun signature token " + token
                    + " was already used: refused as a replay.");
        }
    }

    @Override
    public WebhookPayload parse(WebhookRequest request) {
        var root = readOrNull(request);
        if (root == null) {
            throw new MalformedWebhookException("The Mailgun webhook body is not a JSON object.");
        }
        var eventData = root.get("event-data");
        if (eventData == null || !eventData.isObject()) {
            throw new MalformedWebhookException("A Mailgun webhook carries its event in an \"event-data\" object.");
        }
        return new WebhookPayload(List.of(map(eventData)), text(root.path("signature"), "token"));
    }

    private ProviderEvent map(JsonNode event) {
        var raw = event.toString();
        var type = text(event, "event");
        var kind = type == null ? "unknown" : type.toLowerCase(Locale.ROOT);
        var occurredAt = occurredAt(event);
        var sender = sender(event);
        var labels = SendLabelFields.from(event.get("user-variables"), null, SendLabelFields.first(event.get("tags")));
        return (switch (kind) {
            case "failed" -> "temporary".equalsIgnoreCase(text(event, "severity"))
                    ? events.activity("deferred", sender, occurredAt)
                    : failure(kind, raw, event, occurredAt);
            case "complained" -> events.complaint(kind, raw, text(event, "recipient"), occurredAt, eventKey(event),
                    messageId(event), "abuse");
            default -> events.activity(kind, sender, occurredAt);
        }).labelled(labels, text(event, "recipient"));
    }

    private ProviderEvent failure(String kind, String raw, JsonNode event, Instant occurredAt) {
        var status = event.path("delivery-status");
        var smtpCode = code(status);
        var reason = text(event, "reason");
        var message = text(status, "message");
        var description = text(status, "description");
        var response = firstNonBlank(message, description);
        var ownList = refusedFromOwnList(reason, smtpCode, message, description);
        var diagnostic = ownList
                ? "Mailgun refused to send (" + (reason == null ? "suppressed" : reason) + ")"
                  + (response == null ? "" : ": " + response)
                : response;
        return events.bounce(kind, raw, text(event, "recipient"), smtpCode, text(status, "enhanced-code"),
                diagnostic, occurredAt, eventKey(event), messageId(event), SmtpStage.UNKNOWN,
                text(status, "mx-host"), null, ownList ? Origin.SENDER : Origin.RECIPIENT);
    }

    /** {@code delivery-status.code}: an SMTP reply code, or one of Mailgun's own (605, 607, ...). */
    private static @Nullable Integer code(JsonNode status) {
        var code = text(status, "code");
        return code != null && code.matches("\\d{1,9}") ? Integer.valueOf(code) : null;
    }

    /** Mailgun's own bounce, unsubscribe and complaint lists: no SMTP conversation took place. */
    private static boolean refusedFromOwnList(@Nullable String reason, @Nullable Integer code,
                                              @Nullable String message, @Nullable String description) {
        if (reason != null && reason.strip().toLowerCase(Locale.ROOT).startsWith("suppress-")) {
            return true;
        }
        if (code != null && OWN_LIST_CODES.contains(code)) {
            return true;
        }
        var text = ((message == null ? "" : message) + " " + (description == null ? "" : description))
                .toLowerCase(Locale.ROOT);
        return OWN_LIST_PHRASES.stream().anyMatch(text::contains);
    }

    /** {@code id} repeats across days, so the key is the id at its exact timestamp. */
    private static @Nullable String eventKey(JsonNode event) {
        var id = text(event, "id");
        if (id == null) {
            return null;
        }
        var seconds = epochSeconds(event);
        return seconds == null ? id : id + "@" + seconds.stripTrailingZeros().toPlainString();
    }

    private Instant occurredAt(JsonNode event) {
        var seconds = epochSeconds(event);
        if (seconds == null) {
            return clock.instant();
        }
        var whole = seconds.setScale(0, RoundingMode.FLOOR);
        var nanos = seconds.subtract(whole).movePointRight(9).setScale(0, RoundingMode.DOWN);
        try {
            return ProviderEvents.timeOrReceipt(
                    ProviderEvents.epochSeconds(whole.longValueExact(), nanos.longValueExact()), clock.instant());
        } catch (ArithmeticException e) {
            return clock.instant();
        }
    }

    private static @Nullable BigDecimal epochSeconds(JsonNode event) {
        var timestamp = event.get("timestamp");
        if (timestamp == null) {
            return null;
        }
        try {
            var value = timestamp.isNumber() ? timestamp.decimalValue()
                    : timestamp.isString() ? new BigDecimal(timestamp.asString().strip()) : null;
            // Plausible Unix seconds only (up to the year 5138), so Instant never overflows.
            return value != null && value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100_000_000_000L)) < 0
                    ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable String messageId(JsonNode event) {
        return text(event.path("message").path("headers"), "message-id");
    }

    /** The envelope sender (its domain is the sending domain), else the domain Mailgun names. */
    private static @Nullable String sender(JsonNode event) {
        return firstNonBlank(text(event.path("envelope"), "sender"), text(event.path("domain"), "name"));
    }

    private @Nullable JsonNode readOrNull(WebhookRequest request) {
        try {
            var root = json.readTree(request.body());
            return root != null && root.isObject() ? root : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static @Nullable String firstNonBlank(@Nullable String first, @Nullable String second) {
        return first != null ? first : second;
    }

    /** A field's text, or null when it is missing, null or blank. */
}
