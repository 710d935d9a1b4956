package dev.suppression.provider.sparkpost;

import static dev.suppression.provider.PayloadJson.text;

import dev.suppression.bounce.Origin;
import dev.suppression.classification.BounceClassifier;
import dev.suppression.classification.BounceReason;
import dev.suppression.classification.SmtpStage;
import dev.suppression.provider.BasicAuthCredentials;
import dev.suppression.provider.MalformedWebhookException;
import dev.suppression.provider.PayloadJson;
import dev.suppression.provider.ProviderEvents;
import dev.suppression.provider.WebhookAdapter;
import dev.suppression.provider.WebhookPayload;
import dev.suppression.provider.SendLabelFields;
import dev.suppression.provider.WebhookPayload.ProviderEvent;
import dev.suppression.provider.WebhookRequest;
import dev.suppression.provider.sparkpost.SparkPostBounceClass.Treatment;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SparkPost event webhook: a JSON array of {@code {"msys": {"<kind>_event": {...}}}} entries (message, track,
 * gen, unsubscribe and relay events), authenticated by the webhook's HTTP basic credentials. SparkPost's test
 * ping, {@code []} or {@code [{"msys": {}}]}, is answered 200 with nothing stored.
 *
 * <p>{@code bounce} and {@code out_of_band} events are mapped by {@code bounce_class}; {@code error_code} is the
 * SMTP reply code and {@code raw_reason} the receiving server's response.
 * <table>
 * <caption>SparkPost bounce classes</caption>
 * <tr><th>bounce_class</th><th>becomes</th><th>effect</th></tr>
 * <tr><td>10 Invalid Recipient, 30 Generic Bounce: No RCPT</td><td>the response decides; where it is
 *     undetermined, 5.1.1 {@code USER_UNKNOWN}</td><td>hard: suppressed, counts toward the domain, unless the
 *     response itself shows a policy block, a full mailbox, ...</td></tr>
 * <tr><td>21 DNS Failure</td><td>5.4.4 {@code ROUTING}</td><td>none</td></tr>
 * <tr><td>22 Mailbox Full</td><td>4.2.2 {@code MAILBOX_FULL}</td><td>none</td></tr>
 * <tr><td>20 Soft Bounce, 23 Too Large, 24 Timeout, 40 Generic Bounce, 70 Transient Failure</td>
 *     <td>a 4.x.x code, {@code TRANSIENT}</td><td>none</td></tr>
 * <tr><td>50 Mail Block, 51 Spam Block, 52 Spam Content, 53 Prohibited Attachment, 54 Relaying Denied</td>
 *     <td>5.7.1 {@code POLICY}</td><td>none: a block of an address that exists</td></tr>
 * <tr><td>25 Admin Failure, 26 Smart Send Suppression</td><td>origin {@code sender}: SparkPost's own policy
 *     (its suppression list) failed the message</td><td>evidence only</td></tr>
 * <tr><td>1 Undetermined, a missing or new class</td><td>the response decides, as through
 *     {@code POST /bounces}</td><td>per the classification table</td></tr>
 * <tr><td>60 Auto-Reply, 80 Subscribe, 90 Unsubscribe, 100 Challenge-Response</td><td>not a bounce of the
 *     address</td><td>counted by class name</td></tr>
 * </table>
 * The rule behind the table: where SparkPost says hard, our classifier may still find a policy block or a full
 * mailbox in the response and then does not suppress; where SparkPost says anything softer, we never suppress.
 *
 * <p>{@code policy_rejection}, {@code generation_rejection} and {@code generation_failure} are SparkPost refusing
 * to send (a suppressed recipient, a policy, a template that failed): origin {@code sender}, evidence only.
 * {@code spam_complaint} is a complaint. {@code delivery} is counted as {@code delivered} and {@code injection}
 * as {@code processed} (the denominators every provider shares); every other event (delay, open, click,
 * unsubscribes, relay events, ...) is counted under its own type, per sending domain from {@code friendly_from}
 * or {@code msg_from}. {@code event_id} is the idempotency key of each event, and the
 * {@code X-MessageSystems-Batch-ID} header, which SparkPost keeps on retries, that of the whole batch.
 */
@Component
class SparkPostWebhook implements WebhookAdapter {

    static final String BATCH_ID = "X-MessageSystems-Batch-ID";
    private static final BounceClassifier CLASSIFIER = new BounceClassifier();
    private static final Set<String> SPARKPOST_REFUSED = Set.of("policy_rejection", "generation_rejection",
            "generation_failure");

    private final @Nullable BasicAuthCredentials credentials;
    private final JsonMapper json;
    private final Clock clock;
    private final ProviderEvents events = new ProviderEvents("sparkpost");

    SparkPostWebhook(SparkPostSettings settings, JsonMapper json, Clock clock) {
        this.credentials = BasicAuthCredentials.fromSettings(settings.username(), settings.password(),
                "suppression.providers.sparkpost");
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return "sparkpost";
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
        var root = PayloadJson.read(json, request.body(), "SparkPost");
        if (!root.isArray()) {
            throw new MalformedWebhookException("The SparkPost webhook posts a JSON array of {\"msys\": {...}} entries.");
        }
        var mapped = new ArrayList<ProviderEvent>();
        for (var entry : root) {
            var msys = entry.isObject() ? entry.get("msys") : null;
            if (msys == null || !msys.isObject()) {
                mapped.add(events.invalid("unknown", entry.toString(),
                        "a SparkPost batch entry must be an object {\"msys\": {\"<kind>_event\": {...}}}", null));
                continue;
            }
            // An empty msys is SparkPost's test ping; a real entry holds one <kind>_event object.
            for (var wrapped : msys.properties()) {
                if (wrapped.getValue().isObject()) {
                    mapped.add(map(wrapped.getValue(), entry.toString()));
                }
            }
        }
        var batchId = request.header(BATCH_ID);
        var deliveryId = mapped.isEmpty() || batchId == null || batchId.isBlank() || batchId.length() > 200
                ? null : batchId.strip();
        return new WebhookPayload(mapped, deliveryId);
    }

    private ProviderEvent map(JsonNode event, String raw) {
        var meta = event.get("rcpt_meta") != null && event.get("rcpt_meta").isObject() ? event.get("rcpt_meta")
                : event.get("metadata");
        return mapUnlabelled(event, raw).labelled(SendLabelFields.from(meta, null, text(event, "campaign_id")),
                recipient(event));
    }

    private ProviderEvent mapUnlabelled(JsonNode event, String raw) {
        var type = text(event, "type");
        var kind = type == null ? "unknown" : type.toLowerCase(Locale.ROOT);
        var occurredAt = occurredAt(event);
        var recipient = recipient(event);
        var sender = sender(event);
        if (SPARKPOST_REFUSED.contains(kind)) {
            return recipient == null ? events.activity(kind, sender, occurredAt)
                    : bounce(kind, raw, event, recipient, occurredAt, null, Origin.SENDER);
        }
        return switch (kind) {
            case "bounce", "out_of_band" -> bounceByClass(kind, raw, event, recipient, occurredAt, sender);
            case "spam_complaint" -> events.complaint(kind, raw, recipient, occurredAt, text(event, "event_id"),
                    text(event, "message_id"), text(event, "fbtype"));
            case "delivery" -> events.activity("delivered", sender, occurredAt);
            case "injection" -> events.activity("processed", sender, occurredAt);
            default -> events.activity(kind, sender, occurredAt);
        };
    }

    private ProviderEvent bounceByClass(String kind, String raw, JsonNode event, @Nullable String recipient,
                                        Instant occurredAt, @Nullable String sender) {
        var bounceClass = SparkPostBounceClass.of(integer(event, "bounce_class"));
        var treatment = bounceClass.map(c -> c.treatment).orElse(Treatment.RESPONSE_DECIDES);
        var code = bounceClass.map(c -> c.enhancedCode).orElse(null);
        return switch (treatment) {
            case HARD -> bounce(kind, raw, event, recipient, occurredAt,
                    undetermined(integer(event, "error_code"), response(event)) ? code : null, Origin.RECIPIENT);
            case PINNED -> bounce(kind, raw, event, recipient, occurredAt, code, Origin.RECIPIENT);
            case RESPONSE_DECIDES -> bounce(kind, raw, event, recipient, occurredAt, null, Origin.RECIPIENT);
            case SENDER -> bounce(kind, raw, event, recipient, occurredAt, null, Origin.SENDER);
            case COUNTED -> events.activity(bounceClass.orElseThrow().label, sender, occurredAt);
        };
    }

    private ProviderEvent bounce(String kind, String raw, JsonNode event, @Nullable String recipient,
                                 Instant occurredAt, @Nullable String enhancedCode, Origin origin) {
        var response = response(event);
        if (response == null && origin == Origin.SENDER) {
            response = "SparkPost " + kind.replace('_', ' ');
        }
        // ip_address: the host SparkPost delivered to, that is the one that refused.
        return events.bounce(kind, raw, recipient, integer(event, "error_code"), enhancedCode, response, occurredAt,
                text(event, "event_id"), text(event, "message_id"), SmtpStage.UNKNOWN, text(event, "ip_address"), null,
                origin);
    }

    private static boolean undetermined(@Nullable Integer replyCode, @Nullable String response) {
        return response == null
                || CLASSIFIER.classify(replyCode, null, response).reason() == BounceReason.UNDETERMINED;
    }

    /** The receiving server's words as SparkPost got them; {@code reason} is the same with addresses masked. */
    private static @Nullable String response(JsonNode event) {
        var raw = text(event, "raw_reason");
        return raw != null && !raw.isBlank() ? raw : blankToNull(text(event, "reason"));
    }

    private static @Nullable String recipient(JsonNode event) {
        var rcpt = text(event, "rcpt_to");
        return rcpt != null && !rcpt.isBlank() ? rcpt : blankToNull(text(event, "raw_rcpt_to"));
    }

    private static @Nullable String sender(JsonNode event) {
        var from = text(event, "friendly_from");
        return from != null && !from.isBlank() ? from : blankToNull(text(event, "msg_from"));
    }

    /** SparkPost writes Unix seconds as a string ("1454442600"); some event kinds carry ISO 8601 instead. */
    private Instant occurredAt(JsonNode event) {
        var timestamp = text(event, "timestamp");
        if (timestamp != null) {
            var value = timestamp.strip();
            if (value.matches("\\d{1,12}")) {
                return ProviderEvents.timeOrReceipt(ProviderEvents.epochSeconds(Long.parseLong(value), 0), clock.instant());
            }
            try {
                return ProviderEvents.timeOrReceipt(OffsetDateTime.parse(value).toInstant(), clock.instant());
            } catch (DateTimeParseException e) {
                // Neither form: the time of receipt is the best we know.
            }
        }
        return clock.instant();
    }

    private static @Nullable Integer integer(JsonNode event, String field) {
        var value = text(event, field);
        return value != null && value.strip().matches("\\d{1,9}") ? Integer.valueOf(value.strip()) : null;
    }


    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
