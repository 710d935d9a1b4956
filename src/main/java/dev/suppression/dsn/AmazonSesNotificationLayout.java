package dev.suppression.dsn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An Amazon SES bounce delivered as an email whose body is the SNS notification: the JSON SES publishes
 * ({@code notificationType} or {@code eventType} "Bounce", {@code bounce.bouncedRecipients[]}), bare or wrapped in
 * the SNS envelope whose {@code Message} holds it as a string. Mailbox subscriptions to an SNS topic deliver
 * exactly that, the "email" protocol with an unsubscribe footer after it.
 */
final class AmazonSesNotificationLayout implements BounceLayout {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final int MAX_JSON = 1024 * 1024;

    @Override
    public String name() {
        return "Amazon SES (SNS notification)";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        var text = json(bounce);
        return text != null && (text.contains("\"notificationType\"") || text.contains("\"eventType\"")
                || text.contains("\\\"notificationType\\\"") || text.contains("\\\"eventType\\\""));
    }

    @Override
    public List<FailedRecipient> recipients(BounceText bounce) {
        var text = json(bounce);
        if (text == null) {
            return List.of();
        }
        JsonNode notification;
        try {
            // SNS's "email" protocol appends an unsubscribe footer after the JSON, and list servers add their own:
            // the notification is the first JSON value of the body, whatever follows it.
            try (var parser = JSON.createParser(text)) {
                notification = JSON.readTree(parser);
            }
            if (notification == null) {
                return List.of();
            }
            if (notification.path("Message").isString()) {
                notification = JSON.readTree(notification.path("Message").stringValue());
            }
        } catch (JacksonException e) {
            return List.of();
        }
        var type = notification.path("notificationType").asString(notification.path("eventType").asString(""));
        if (type.equalsIgnoreCase("Complaint")) {
            throw new NotABounceException(MessageKind.FEEDBACK_REPORT, "an Amazon SES complaint notification");
        }
        if (type.equalsIgnoreCase("Delivery")) {
            throw new NotABounceException(MessageKind.DELIVERY_SUCCESS, "an Amazon SES delivery notification");
        }
        if (!type.equalsIgnoreCase("Bounce")) {
            return List.of();
        }
        var details = notification.path("bounce");
        var reporting = DeliveryStatusReport.host(text(details, "reportingMTA"));
        if (reporting == null) {
            reporting = bounce.reportingMta();
        }
        var remote = text(details, "remoteMtaIp");
        var transient_ = "Transient".equalsIgnoreCase(text(details, "bounceType"));
        var recipients = new ArrayList<FailedRecipient>();
        for (var recipient : details.path("bouncedRecipients")) {
            var address = text(recipient, "emailAddress");
            if (address == null) {
                continue;
            }
            address = address.replaceFirst("^.*<([^<>]+)>.*$", "$1").strip();
            var diagnostic = DeliveryStatusReport.diagnostic(text(recipient, "diagnosticCode"));
            var action = DeliveryAction.parse(String.valueOf(text(recipient, "action")))
                    .orElse(transient_ ? DeliveryAction.DELAYED : DeliveryAction.FAILED);
            var reported = text(recipient, "status");
            var status = DeliveryStatusReport.effectiveStatus(action,
                    reported == null ? null : dev.suppression.classification.EnhancedStatusCode.find(reported).orElse(null),
                    diagnostic);
            var smtpCode = diagnostic == null ? null
                    : dev.suppression.classification.SmtpReplyCode.find(diagnostic).map(c -> c.value()).orElse(null);
            recipients.add(new FailedRecipient(address, null, action, status, smtpCode, diagnostic,
                    RefusalStage.of(diagnostic, null), remote != null ? remote.toLowerCase(Locale.ROOT) : reporting,
                    reporting, null, recipient.toString()));
        }
        return recipients;
    }

    private static @Nullable String json(BounceText bounce) {
        var text = bounce.reportText().strip();
        if (!text.startsWith("{") || text.length() > MAX_JSON) {
            return null;
        }
        return text;
    }

    private static @Nullable String text(JsonNode node, String field) {
        var value = node.path(field);
        return value.isString() && !value.stringValue().isBlank() ? value.stringValue() : null;
    }
}
