package dev.suppression.provider;

import dev.suppression.address.DomainName;
import dev.suppression.address.EmailAddress;
import dev.suppression.address.InvalidAddressException;
import dev.suppression.bounce.ActivityReport;
import dev.suppression.bounce.BounceReport;
import dev.suppression.bounce.ComplaintReport;
import dev.suppression.bounce.Origin;
import dev.suppression.bounce.StorableTime;
import dev.suppression.bounce.Submission;
import dev.suppression.classification.EnhancedStatusCode;
import dev.suppression.classification.SmtpReplyCode;
import dev.suppression.classification.SmtpStage;
import dev.suppression.provider.WebhookPayload.ProviderEvent;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Builds the submissions adapters hand to ingestion, turning whatever is wrong with one provider event
 * (a missing or invalid recipient, no usable code or text) into a rejected submission with the reason.
 * Event ids are namespaced by provider, so two providers' ids never collide.
 */
public final class ProviderEvents {

    private final String provider;

    public ProviderEvents(String provider) {
        this.provider = provider;
    }

    /**
     * The provider's event time when it is a real one, otherwise the time of receipt. Years outside 0001-9999
     * are what a broken or hostile sender writes, and PostgreSQL cannot store some of them; the bounce itself
     * still counts.
     */
    public static Instant timeOrReceipt(@Nullable Instant providerTime, Instant receivedAt) {
        return providerTime == null || !StorableTime.contains(providerTime) ? receivedAt : providerTime;
    }

    /** Unix seconds as an instant; null when they lie outside what an instant can hold. */
    public static @Nullable Instant epochSeconds(long seconds, long nanos) {
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (java.time.DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    /** The provider's event id as stored: {@code sendgrid:abc}. */
    public @Nullable String eventId(@Nullable String providerId) {
        return providerId == null || providerId.isBlank() ? null : truncate(provider + ":" + providerId.strip(), 255);
    }

    public ProviderEvent bounce(String type, String raw, @Nullable String recipient, @Nullable Integer smtpCode,
                                @Nullable String enhancedCode, @Nullable String diagnostic, Instant occurredAt,
                                @Nullable String providerEventId, @Nullable String messageId,
                                @Nullable String reportingMta, Origin origin) {
        return bounce(type, raw, recipient, smtpCode, enhancedCode, diagnostic, occurredAt, providerEventId, messageId,
                SmtpStage.UNKNOWN, null, reportingMta, origin);
    }

    /**
     * A bounce whose payload names the SMTP stage or the refusing host; a stage it does not name
     * ({@link SmtpStage#UNKNOWN}) is read from the diagnostic.
     */
    public ProviderEvent bounce(String type, String raw, @Nullable String recipient, @Nullable Integer smtpCode,
                                @Nullable String enhancedCode, @Nullable String diagnostic, Instant occurredAt,
                                @Nullable String providerEventId, @Nullable String messageId, SmtpStage stage,
                                @Nullable String remoteMta, @Nullable String reportingMta, Origin origin) {
        var eventId = eventId(providerEventId);
        try {
            var address = requireRecipient(recipient);
            var code = smtpCode != null && SmtpReplyCode.isValid(smtpCode) ? smtpCode : null;
            var enhanced = enhancedCode == null ? null
                    : EnhancedStatusCode.parse(enhancedCode).map(EnhancedStatusCode::toString).orElse(null);
            var text = blankToNull(diagnostic);
            if (code == null && enhanced == null && text == null) {
                return invalid(type, raw, "the " + provider + " bounce carries no SMTP code, status or reason to classify", eventId);
            }
            return new ProviderEvent(type, new Submission.Valid(new BounceReport(address, code, enhanced,
                    text == null ? null : truncate(text, 10_000), occurredAt, eventId, truncate(messageId, 998),
                    stage, truncate(remoteMta, 255), truncate(reportingMta, 255), provider, origin), raw));
        } catch (InvalidAddressException e) {
            return invalid(type, raw, "the recipient is invalid: " + e.getMessage(), eventId);
        }
    }

    public ProviderEvent complaint(String type, String raw, @Nullable String recipient, Instant occurredAt,
                                   @Nullable String providerEventId, @Nullable String messageId,
                                   @Nullable String feedbackType) {
        var eventId = eventId(providerEventId);
        try {
            return new ProviderEvent(type, new Submission.Complaint(new ComplaintReport(requireRecipient(recipient),
                    occurredAt, eventId, truncate(messageId, 998), provider, truncate(feedbackType, 100)), raw));
        } catch (InvalidAddressException e) {
            return invalid(type, raw, "the complaining recipient is invalid: " + e.getMessage(), eventId);
        }
    }

    /** A non-bounce event to count; the sending domain is taken from a sender address or domain when given. */
    public ProviderEvent activity(String type, @Nullable String sender, Instant occurredAt) {
        return new ProviderEvent(type, new Submission.Activity(new ActivityReport(provider, type,
                sendingDomain(sender), occurredAt)));
    }

    public ProviderEvent invalid(String type, String raw, String reason, @Nullable String eventId) {
        return new ProviderEvent(type, new Submission.Invalid(raw, reason, eventId, provider));
    }

    private EmailAddress requireRecipient(@Nullable String recipient) {
        if (recipient == null || recipient.isBlank()) {
            throw new InvalidAddressException("the " + provider + " event has no recipient address");
        }
        return EmailAddress.parse(recipient);
    }

    private static @Nullable String sendingDomain(@Nullable String sender) {
        if (sender == null || sender.isBlank()) {
            return null;
        }
        var at = sender.lastIndexOf('@');
        var domain = at >= 0 ? sender.substring(at + 1) : sender;
        domain = domain.replace(">", "").strip();
        try {
            return DomainName.parse(domain).value();
        } catch (InvalidAddressException e) {
            return null;
        }
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static @Nullable String truncate(@Nullable String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
