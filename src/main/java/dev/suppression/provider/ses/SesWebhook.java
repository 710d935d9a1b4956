package dev.suppression.provider.ses;

import dev.suppression.provider.ProviderEvents;
import dev.suppression.provider.WebhookAdapter;
import dev.suppression.provider.WebhookAuthenticationException;
import dev.suppression.provider.WebhookPayload;
import dev.suppression.provider.WebhookRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Amazon SES via Amazon SNS ({@code POST /webhooks/ses}). Every message is verified by {@link SnsMessageVerifier}
 * first: SNS signature, allowed topic, SNS certificate host, fresh timestamp. Then, by SNS message type
 * ({@code Type}, which the {@code x-amz-sns-message-type} header repeats):
 * <ul>
 * <li>{@code Notification}: {@code Message} is SES JSON, mapped by {@link SesNotifications}. SNS reuses the
 *     {@code MessageId} when it retries, so it is the delivery id: a repeated delivery is acknowledged with every
 *     event a duplicate (the second guard, after the {@code feedbackId:recipient} event ids).</li>
 * <li>{@code SubscriptionConfirmation}: confirmed by visiting {@code SubscribeURL} (https on an allowed SNS host,
 *     for an allowed topic only), unless {@code suppression.providers.ses.confirm-subscriptions} is false.</li>
 * <li>{@code UnsubscribeConfirmation}: logged; nothing else changes.</li>
 * </ul>
 */
@Component
class SesWebhook implements WebhookAdapter {

    static final String MESSAGE_TYPE = "x-amz-sns-message-type";
    private static final Logger log = LoggerFactory.getLogger(SesWebhook.class);

    private final SesSettings settings;
    private final SnsMessageVerifier verifier;
    private final SnsSubscriptions subscriptions;
    private final SesNotifications notifications;
    private final JsonMapper json;
    private final Clock clock;

    SesWebhook(SesSettings settings, SnsMessageVerifier verifier, SnsSubscriptions subscriptions, JsonMapper json,
               Clock clock) {
        this.settings = settings;
        this.verifier = verifier;
        this.subscriptions = subscriptions;
        this.json = json;
        this.clock = clock;
        this.notifications = new SesNotifications(new ProviderEvents(provider()), json);
    }

    @Override
    public String provider() {
        return "ses";
    }

    @Override
    public boolean isConfigured() {
        return settings.topicArns().stream().anyMatch(arn -> !arn.isBlank());
    }

    @Override
    public void verify(WebhookRequest request) {
        var message = SnsMessage.read(request.body(), json);
        var header = request.header(MESSAGE_TYPE);
        if (header != null && !header.strip().equals(message.type().wireName())) {
            throw new WebhookAuthenticationException("The " + MESSAGE_TYPE + " header says '" + header
                    + "' but the signed message is a " + message.type().wireName() + ".");
        }
        verifier.verify(message);
    }

    @Override
    public WebhookPayload parse(WebhookRequest request) {
        var message = SnsMessage.read(request.body(), json);
        return switch (message.type()) {
            case NOTIFICATION -> new WebhookPayload(
                    notifications.map(message.message(), message.messageId(), publishedAt(message)),
                    message.messageId());
            case SUBSCRIPTION_CONFIRMATION -> {
                confirm(message);
                yield WebhookPayload.of(List.of());
            }
            case UNSUBSCRIBE_CONFIRMATION -> {
                log.warn("SNS unsubscribed this endpoint from {} (message {}): SES notifications on that topic no "
                        + "longer arrive until it is subscribed again", message.topicArn(), message.messageId());
                yield WebhookPayload.of(List.of());
            }
        };
    }

    private void confirm(SnsMessage message) {
        var subscribeUrl = verifier.subscribeUrl(message);
        if (!settings.confirmSubscriptions()) {
            log.warn("SNS asks to confirm the subscription to {} (message {}); not confirmed because "
                    + "suppression.providers.ses.confirm-subscriptions is false: confirm it in the SNS console",
                    message.topicArn(), message.messageId());
            return;
        }
        subscriptions.confirm(subscribeUrl);
        log.info("Confirmed the SNS subscription to {} (message {})", message.topicArn(), message.messageId());
    }

    private Instant publishedAt(SnsMessage message) {
        try {
            return ProviderEvents.timeOrReceipt(OffsetDateTime.parse(message.timestamp().strip()).toInstant(), clock.instant());
        } catch (DateTimeParseException e) {
            return clock.instant();
        }
    }
}
