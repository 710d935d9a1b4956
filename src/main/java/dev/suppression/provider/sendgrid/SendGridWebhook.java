package dev.suppression.provider.sendgrid;

import static dev.suppression.provider.PayloadJson.text;

import dev.suppression.bounce.Origin;
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
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * SendGrid Event Webhook. Mapping:
 * <ul>
 * <li>{@code bounce} ({@code type} bounce or blocked): a bounce from the receiving server; {@code status} is the
 *     enhanced code, {@code reason} the SMTP response (it decides when {@code status} is missing).</li>
 * <li>{@code dropped} with reason "Bounced Address" or "Invalid": SendGrid refusing an address already on its
 *     own list, origin {@code sender}: evidence only. Other drops are counted.</li>
 * <li>{@code spamreport}: a complaint. Everything else (processed, delivered, deferred, open, click, ...) is
 *     counted by type.</li>
 * </ul>
 * SendGrid delivers the same event more than once in practice: {@code sg_event_id} is the idempotency key.
 */
@Component
class SendGridWebhook implements WebhookAdapter {

    static final String SIGNATURE = "X-Twilio-Email-Event-Webhook-Signature";
    static final String TIMESTAMP = "X-Twilio-Email-Event-Webhook-Timestamp";
    private static final Set<String> OWN_LIST_DROPS = Set.of("bounced address", "invalid");

    private final @Nullable PublicKey verificationKey;
    private final SignedTimestamp timestamps;
    private final JsonMapper json;
    private final Clock clock;
    private final ProviderEvents events = new ProviderEvents("sendgrid");

    SendGridWebhook(SendGridSettings settings, SignedTimestamp timestamps, JsonMapper json, Clock clock) {
        this.verificationKey = parseKey(settings.verificationKey());
        this.timestamps = timestamps;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return "sendgrid";
    }

    @Override
    public boolean isConfigured() {
        return verificationKey != null;
    }

    @Override
    public void verify(WebhookRequest request) {
        var signature = request.header(SIGNATURE);
        var timestamp = request.header(TIMESTAMP);
        if (signature == null || timestamp == null) {
            throw new WebhookAuthenticationException("The SendGrid signature or timestamp header is missing.");
        }
        timestamps.requireFresh(timestamp, provider());
        try {
            var verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(verificationKey);
            verifier.update(timestamp.getBytes(StandardCharsets.UTF_8));
            verifier.update(request.body());
            if (!verifier.verify(Base64.getDecoder().decode(signature.strip()))) {
                throw new WebhookAuthenticationException("The SendGrid signature does not match the body.");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new WebhookAuthenticationException("The SendGrid signature is malformed.");
        }
    }

    @Override
    public WebhookPayload parse(WebhookRequest request) {
        var root = PayloadJson.read(json, request.body(), "SendGrid");
        if (!root.isArray()) {
            throw new MalformedWebhookException("The SendGrid Event Webhook posts a JSON array of events.");
        }
        var mapped = new ArrayList<ProviderEvent>();
        root.forEach(event -> mapped.add(map(event)));
        return WebhookPayload.of(mapped);
    }

    private ProviderEvent map(JsonNode event) {
        var raw = event.toString();
        if (!event.isObject()) {
            return events.invalid("unknown", raw, "a SendGrid event must be a JSON object", null);
        }
        var type = text(event, "event");
        var kind = type == null ? "unknown" : type.toLowerCase(Locale.ROOT);
        var occurredAt = occurredAt(event);
        var id = text(event, "sg_event_id");
        var labels = SendLabelFields.from(event, null, SendLabelFields.first(event.get("category")));
        return (switch (kind) {
            case "bounce" -> events.bounce(kind, raw, text(event, "email"), null, text(event, "status"),
                    text(event, "reason"), occurredAt, id, text(event, "sg_message_id"), null, Origin.RECIPIENT);
            case "dropped" -> {
                var reason = text(event, "reason");
                yield reason != null && OWN_LIST_DROPS.contains(reason.strip().toLowerCase(Locale.ROOT))
                        ? events.bounce(kind, raw, text(event, "email"), null, text(event, "status"),
                                "SendGrid dropped the message: " + reason, occurredAt, id, text(event, "sg_message_id"),
                                null, Origin.SENDER)
                        : events.activity(kind, null, occurredAt);
            }
            case "spamreport" -> events.complaint(kind, raw, text(event, "email"), occurredAt, id,
                    text(event, "sg_message_id"), "abuse");
            default -> events.activity(kind, null, occurredAt);
        }).labelled(labels, text(event, "email"));
    }

    private Instant occurredAt(JsonNode event) {
        var timestamp = event.get("timestamp");
        if (timestamp != null && timestamp.isNumber() && timestamp.canConvertToLong()) {
            return ProviderEvents.timeOrReceipt(ProviderEvents.epochSeconds(timestamp.longValue(), 0), clock.instant());
        }
        return clock.instant();
    }


    private static @Nullable PublicKey parseKey(@Nullable String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        try {
            var der = Base64.getDecoder().decode(base64.strip());
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("suppression.providers.sendgrid.verification-key is not a base64 "
                    + "DER (X.509) EC public key as SendGrid shows it", e);
        }
    }
}
