package dev.suppression.provider;

import dev.suppression.bounce.Submission;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A webhook's events, each with the provider's own event type (for the per-type counts), and optionally the
 * provider's delivery id (SNS MessageId, Svix id, Mailgun token): a delivery already stored is acknowledged
 * without being processed again.
 */
public record WebhookPayload(List<ProviderEvent> events, @Nullable String deliveryId) {

    public static WebhookPayload of(List<ProviderEvent> events) {
        return new WebhookPayload(events, null);
    }

    /** One event: the provider's type name and what it means for us. */
    public record ProviderEvent(String type, Submission submission) {

        /**
         * The same event sent for the given stream and list source; a delivery also learns its recipient's domain,
         * so the rates can be read per recipient domain.
         */
        public ProviderEvent labelled(dev.suppression.bouncerate.SendLabels labels, @Nullable String recipient) {
            var labelled = submission.labelled(labels);
            if (labelled instanceof Submission.Activity(var report) && recipient != null) {
                labelled = new Submission.Activity(report.withRecipientDomain(SendLabelFields.domainOf(recipient)));
            }
            return new ProviderEvent(type, labelled);
        }
    }
}
