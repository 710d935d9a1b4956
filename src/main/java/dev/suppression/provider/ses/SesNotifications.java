package dev.suppression.provider.ses;

import static dev.suppression.provider.PayloadJson.text;

import dev.suppression.bounce.Origin;
import dev.suppression.classification.SmtpStage;
import dev.suppression.provider.ProviderEvents;
import dev.suppression.bouncerate.SendLabels;
import dev.suppression.provider.SendLabelFields;
import dev.suppression.provider.WebhookPayload.ProviderEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Maps the SES JSON inside an SNS notification: identity feedback notifications ({@code notificationType}) and
 * configuration-set event publishing ({@code eventType}) alike. Parsing is lenient: SES adds fields over time, and
 * everything the model has no field for stays in the raw event kept as evidence.
 * <ul>
 * <li>{@code Bounce}: one event per {@code bouncedRecipients[]} entry, keyed {@code feedbackId:recipient} (one
 *     feedback id covers several recipients); {@code status} is the enhanced code, {@code diagnosticCode} the SMTP
 *     response, {@code remoteMtaIp} the refusing host, {@code reportingMTA} the reporting host,
 *     {@code mail.messageId} the message id. SES's bounce type
 *     and subtype complete or limit the DSN as {@link SesBounce} states.</li>
 * <li>{@code Complaint}: a complaint per {@code complainedRecipients[]} entry, with {@code complaintFeedbackType};
 *     a complaint with {@code complaintSubType: OnAccountSuppressionList} is SES refusing a listed address, recorded
 *     as an origin-sender bounce (evidence only).</li>
 * <li>Everything else is counted per sending domain ({@code mail.source}) and day, one per recipient where SES
 *     lists them: {@code Delivery} as {@code delivered}, {@code Send} as {@code processed},
 *     {@code DeliveryDelay} as {@code deferred}; {@code Open}, {@code Click}, {@code Reject},
 *     {@code Rendering Failure}, {@code Subscription} and types SES adds later under their own name, lower-cased.</li>
 * </ul>
 */
final class SesNotifications {

    private static final Logger log = LoggerFactory.getLogger(SesNotifications.class);
    private static final int MAX_KEY = 240;

    private final ProviderEvents events;
    private final JsonMapper json;

    SesNotifications(ProviderEvents events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    /**
     * @param message      the SNS {@code Message}: the SES notification as text
     * @param snsMessageId keys the events when SES gives no feedback id
     * @param publishedAt  the SNS publish time, when SES gives no time of its own
     */
    List<ProviderEvent> map(String message, String snsMessageId, Instant publishedAt) {
        JsonNode root;
        try {
            root = json.readTree(message);
        } catch (JacksonException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            // SES itself publishes a plain-text "Successfully validated SNS topic" message when a topic is set up.
            log.info("SNS message {} is not an SES notification, acknowledged and ignored: {}", snsMessageId,
                    abbreviate(message));
            return List.of();
        }
        var kind = text(root, "notificationType");
        if (kind == null) {
            kind = text(root, "eventType");
        }
        if (kind == null) {
            return List.of(events.invalid("unknown", message,
                    "the SES notification has neither notificationType nor eventType", null));
        }
        var mail = root.path("mail");
        var mailTime = time(mail, "timestamp", publishedAt);
        return switch (kind) {
            case "Bounce" -> bounces(root.path("bounce"), mail, message, snsMessageId, mailTime);
            case "Complaint" -> complaints(root.path("complaint"), mail, message, snsMessageId, mailTime);
            case "Delivery" -> perRecipient("delivered", root.path("delivery").path("recipients"), mail,
                    time(root.path("delivery"), "timestamp", mailTime));
            case "Send" -> perRecipient("processed", mail.path("destination"), mail, mailTime);
            case "DeliveryDelay" -> perRecipient("deferred", root.path("deliveryDelay").path("delayedRecipients"),
                    mail, time(root.path("deliveryDelay"), "timestamp", mailTime));
            case "AmazonSnsSubscriptionSucceeded" -> {
                log.info("SES confirmed it publishes to this SNS topic: {}", abbreviate(text(root, "message")));
                yield List.of();
            }
            default -> {
                var type = kind.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
                yield List.of(events.activity(type, text(mail, "source"),
                        time(root.path(kind.toLowerCase(Locale.ROOT)), "timestamp", mailTime)));
            }
        };
    }

    private List<ProviderEvent> bounces(JsonNode bounce, JsonNode mail, String raw, String snsMessageId,
                                        Instant mailTime) {
        var meaning = SesBounce.of(text(bounce, "bounceType"), text(bounce, "bounceSubType"));
        var occurredAt = time(bounce, "timestamp", mailTime);
        var feedbackId = text(bounce, "feedbackId");
        var reportingMta = hostOf(text(bounce, "reportingMTA"));
        // The MTA SES tried to deliver to: the host that refused, when SES got as far as talking to one.
        var remoteMta = text(bounce, "remoteMtaIp");
        var messageId = text(mail, "messageId");
        var recipients = bounce.path("bouncedRecipients");
        if (!recipients.isArray() || recipients.isEmpty()) {
            return List.of(events.invalid("bounce", raw, "the SES bounce lists no bouncedRecipients",
                    events.eventId(feedbackId)));
        }
        var mapped = new ArrayList<ProviderEvent>();
        for (var recipient : recipients) {
            var address = text(recipient, "emailAddress");
            var status = text(recipient, "status");
            var diagnostic = text(recipient, "diagnosticCode");
            mapped.add(events.bounce("bounce", raw, address, null, meaning.enhancedCode(status, diagnostic),
                    meaning.diagnostic(diagnostic), occurredAt, key(feedbackId, snsMessageId, address), messageId,
                    SmtpStage.UNKNOWN, remoteMta, reportingMta, meaning.origin()).labelled(labels(mail), address));
        }
        return mapped;
    }

    private List<ProviderEvent> complaints(JsonNode complaint, JsonNode mail, String raw, String snsMessageId,
                                           Instant mailTime) {
        var occurredAt = time(complaint, "timestamp", mailTime);
        var feedbackId = text(complaint, "feedbackId");
        var messageId = text(mail, "messageId");
        var ownList = "OnAccountSuppressionList".equalsIgnoreCase(text(complaint, "complaintSubType"));
        var recipients = complaint.path("complainedRecipients");
        if (!recipients.isArray() || recipients.isEmpty()) {
            return List.of(events.invalid("complaint", raw, "the SES complaint lists no complainedRecipients",
                    events.eventId(feedbackId)));
        }
        var mapped = new ArrayList<ProviderEvent>();
        for (var recipient : recipients) {
            var address = text(recipient, "emailAddress");
            var id = key(feedbackId, snsMessageId, address);
            mapped.add(ownList
                    ? events.bounce("complaint", raw, address, null, null, "Amazon SES did not send to this address: "
                            + "it is on the account-level suppression list after a complaint", occurredAt, id,
                            messageId, null, Origin.SENDER)
                    : events.complaint("complaint", raw, address, occurredAt, id, messageId,
                            text(complaint, "complaintFeedbackType")).labelled(labels(mail), address));
        }
        return mapped;
    }

    private List<ProviderEvent> perRecipient(String type, JsonNode recipients, JsonNode mail, Instant occurredAt) {
        var count = recipients.isArray() ? Math.max(1, recipients.size()) : 1;
        var sender = text(mail, "source");
        var mapped = new ArrayList<ProviderEvent>(count);
        for (int i = 0; i < count; i++) {
            var recipient = recipients.isArray() && i < recipients.size() && recipients.get(i).isString()
                    ? recipients.get(i).stringValue() : null;
            mapped.add(events.activity(type, sender, occurredAt).labelled(labels(mail), recipient));
        }
        return mapped;
    }

    /**
     * The message's tags (SES event publishing): {@code stream} and {@code list_source}, else the configuration
     * set as the stream and a {@code campaign} tag as the source.
     */
    private static SendLabels labels(JsonNode mail) {
        var tags = mail.path("tags");
        return SendLabelFields.from(tags, SendLabelFields.firstText(tags, "ses:configuration-set"),
                SendLabelFields.firstText(tags, "campaign"));
    }

    /** {@code feedbackId:recipient}; the recipient is hashed in the rare case the key would not fit the column. */
    private static String key(@Nullable String feedbackId, String snsMessageId, @Nullable String address) {
        var scope = feedbackId == null ? "sns-" + snsMessageId : feedbackId;
        var recipient = address == null ? "" : address.strip().toLowerCase(Locale.ROOT);
        var key = scope + ":" + recipient;
        return key.length() <= MAX_KEY ? key : scope + ":sha256-" + sha256(recipient);
    }

    /** {@code dns; mta.example.com} (RFC 3464 name type, then name) to {@code mta.example.com}. */
    private static @Nullable String hostOf(@Nullable String reportingMta) {
        if (reportingMta == null) {
            return null;
        }
        var semicolon = reportingMta.indexOf(';');
        var host = (semicolon >= 0 ? reportingMta.substring(semicolon + 1) : reportingMta).strip();
        return host.isEmpty() ? null : host;
    }

    private static Instant time(JsonNode node, String field, Instant fallback) {
        var text = text(node, field);
        if (text == null) {
            return fallback;
        }
        try {
            return ProviderEvents.timeOrReceipt(OffsetDateTime.parse(text).toInstant(), fallback);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }


    private static String abbreviate(@Nullable String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
