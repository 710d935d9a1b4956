package dev.suppression.provider.postmark;

import static dev.suppression.provider.PayloadJson.text;

import dev.suppression.bounce.Origin;
import dev.suppression.classification.BounceClassifier;
import dev.suppression.classification.BounceReason;
import dev.suppression.provider.BasicAuthCredentials;
import dev.suppression.provider.MalformedWebhookException;
import dev.suppression.provider.PayloadJson;
import dev.suppression.provider.ProviderEvents;
import dev.suppression.provider.WebhookAdapter;
import dev.suppression.provider.WebhookPayload;
import dev.suppression.provider.SendLabelFields;
import dev.suppression.provider.WebhookPayload.ProviderEvent;
import dev.suppression.provider.WebhookRequest;
import dev.suppression.provider.postmark.PostmarkBounceType.Treatment;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Postmark webhooks (bounce, spam complaint, delivery, open, click, subscription change): one JSON object per
 * request, told apart by {@code RecordType}, authenticated by the HTTP basic credentials in the webhook URL.
 *
 * <p>A {@code Bounce} record is mapped by its {@code Type} (the {@code TypeCode} when the name is missing or
 * new). {@code Details} is the receiving server's response; when it is blank, {@code Description} stands in.
 * <table>
 * <caption>Postmark bounce types</caption>
 * <tr><th>Type (TypeCode)</th><th>becomes</th><th>effect</th></tr>
 * <tr><td>HardBounce (1)</td><td>the response decides; where it is undetermined (Postmark's own test bounce
 *     says only "Test bounce details"), 5.1.1 {@code USER_UNKNOWN}</td><td>hard: suppressed, counts toward the
 *     domain, unless the response itself shows a policy block, a full mailbox, ...</td></tr>
 * <tr><td>BadEmailAddress (100000)</td><td>the response decides; where undetermined, 5.1.3 (bad mailbox
 *     syntax) {@code USER_UNKNOWN}</td><td>hard, as above</td></tr>
 * <tr><td>SoftBounce (4096), Transient (2)</td><td>4.0.0 {@code TRANSIENT}</td><td>none</td></tr>
 * <tr><td>DnsError (256)</td><td>5.4.4 {@code ROUTING}</td><td>none</td></tr>
 * <tr><td>Blocked (100006), DMARCPolicy (100009), SpamNotification (512)</td><td>5.7.1 {@code POLICY}</td>
 *     <td>none: a block of an address that exists</td></tr>
 * <tr><td>Unknown (2048), a type not listed here</td><td>the response decides, as through
 *     {@code POST /bounces}</td><td>per the classification table</td></tr>
 * <tr><td>ManuallyDeactivated (100002), Unconfirmed (100003), SMTPApiError (100007),
 *     TemplateRenderingFailed (100010)</td><td>origin {@code sender}: Postmark refused or never attempted the
 *     send</td><td>evidence only</td></tr>
 * <tr><td>SpamComplaint (100001)</td><td>a complaint</td><td>suppressed with reason {@code COMPLAINT}</td></tr>
 * <tr><td>AutoResponder (64), AddressChange (128), Subscribe (32), Unsubscribe (16), OpenRelayTest (1024),
 *     VirusNotification (8192), ChallengeVerification (16384), InboundError (100008)</td><td>not a bounce of
 *     the address</td><td>counted by type</td></tr>
 * </table>
 * The rule behind the table: where Postmark says hard, our classifier may still find a policy block or a full
 * mailbox in the response and then does not suppress; where Postmark says anything softer, we never suppress.
 *
 * <p>{@code RecordType: SpamComplaint} is a complaint. {@code Delivery} is counted as {@code delivered} (the
 * denominator every provider shares); {@code Open}, {@code Click}, {@code SubscriptionChange} and any other
 * record are counted under their own name, per sending domain (from {@code From} when Postmark includes it).
 * Postmark's {@code ID} is the idempotency key of bounces and complaints.
 */
@Component
class PostmarkWebhook implements WebhookAdapter {

    private static final BounceClassifier CLASSIFIER = new BounceClassifier();
    private static final List<String> TIMESTAMPS = List.of("BouncedAt", "DeliveredAt", "ReceivedAt", "ChangedAt");

    private final @Nullable BasicAuthCredentials credentials;
    private final JsonMapper json;
    private final Clock clock;
    private final ProviderEvents events = new ProviderEvents("postmark");

    PostmarkWebhook(PostmarkSettings settings, JsonMapper json, Clock clock) {
        this.credentials = BasicAuthCredentials.fromSettings(settings.username(), settings.password(),
                "suppression.providers.postmark");
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return "postmark";
    }

    @Override
    public boolean isConfigured() {
        return credentials != null;
    }

    @Override
    public void verify(WebhookRequest request) {
        BasicAuthCredentials.verify(credentials, request.header(HttpHeaders.AUTHORIZATION), provider());
    }

    @Override
    public WebhookPayload parse(WebhookRequest request) {
        var root = PayloadJson.read(json, request.body(), "Postmark");
        if (!root.isObject()) {
            throw new MalformedWebhookException("A Postmark webhook posts one JSON object per event.");
        }
        return WebhookPayload.of(List.of(map(root)));
    }

    private ProviderEvent map(JsonNode event) {
        var raw = event.toString();
        var recordType = text(event, "RecordType");
        if (recordType == null && (event.has("Type") || event.has("TypeCode"))) {
            // Postmark's bounce webhook samples before modular webhooks carry no RecordType.
            recordType = "Bounce";
        }
        var occurredAt = occurredAt(event);
        return labelled(event, switch (recordType == null ? "" : recordType.toLowerCase(Locale.ROOT)) {
            case "bounce" -> bounce(event, raw, occurredAt);
            case "spamcomplaint" -> events.complaint("SpamComplaint", raw, text(event, "Email"), occurredAt,
                    text(event, "ID"), text(event, "MessageID"), "abuse");
            case "delivery" -> events.activity("delivered", text(event, "From"), occurredAt);
            default -> events.activity(recordType == null ? "unknown" : recordType, text(event, "From"), occurredAt);
        });
    }

    /** Postmark's own MessageStream and Tag, unless the message's Metadata names a stream or list_source. */
    private static ProviderEvent labelled(JsonNode event, ProviderEvent mapped) {
        var recipient = text(event, "Recipient") != null ? text(event, "Recipient") : text(event, "Email");
        return mapped.labelled(SendLabelFields.from(event.get("Metadata"), text(event, "MessageStream"),
                text(event, "Tag")), recipient);
    }

    private ProviderEvent bounce(JsonNode event, String raw, Instant occurredAt) {
        var type = PostmarkBounceType.of(text(event, "Type"), typeCode(event));
        var typeName = type.map(t -> t.postmarkName).orElseGet(() -> Objects.requireNonNullElse(text(event, "Type"), "Bounce"));
        var treatment = type.map(t -> t.treatment).orElse(Treatment.RESPONSE_DECIDES);
        var code = type.map(t -> t.enhancedCode).orElse(null);
        var response = firstNonBlank(text(event, "Details"), text(event, "Description"));
        var recipient = text(event, "Email");
        var id = text(event, "ID");
        var messageId = text(event, "MessageID");
        return switch (treatment) {
            case COMPLAINT -> events.complaint(typeName, raw, recipient, occurredAt, id, messageId, "abuse");
            case COUNTED -> events.activity(typeName, text(event, "From"), occurredAt);
            case SENDER -> events.bounce(typeName, raw, recipient, null, null,
                    response == null ? "Postmark " + typeName : response, occurredAt, id, messageId, null, Origin.SENDER);
            case HARD -> events.bounce(typeName, raw, recipient, null, undetermined(response) ? code : null, response,
                    occurredAt, id, messageId, null, Origin.RECIPIENT);
            case PINNED -> events.bounce(typeName, raw, recipient, null, code, response, occurredAt, id, messageId,
                    null, Origin.RECIPIENT);
            case RESPONSE_DECIDES -> events.bounce(typeName, raw, recipient, null, null, response, occurredAt, id,
                    messageId, null, Origin.RECIPIENT);
        };
    }

    private static boolean undetermined(@Nullable String response) {
        return response == null
                || CLASSIFIER.classify(null, null, response).reason() == BounceReason.UNDETERMINED;
    }

    private Instant occurredAt(JsonNode event) {
        for (var field : TIMESTAMPS) {
            var value = text(event, field);
            if (value != null) {
                try {
                    return ProviderEvents.timeOrReceipt(OffsetDateTime.parse(value.strip()).toInstant(), clock.instant());
                } catch (DateTimeParseException e) {
                    // Postmark writes ISO 8601 with an offset; anything else falls through to the next field or now.
                }
            }
        }
        return clock.instant();
    }

    private static @Nullable Integer typeCode(JsonNode event) {
        var node = event.get("TypeCode");
        if (node != null && node.isNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        var text = text(event, "TypeCode");
        return text != null && text.strip().matches("\\d{1,9}") ? Integer.valueOf(text.strip()) : null;
    }


    private static @Nullable String firstNonBlank(@Nullable String... candidates) {
        for (var candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }
}
