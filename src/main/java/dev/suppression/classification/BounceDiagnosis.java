package dev.suppression.classification;

import org.jspecify.annotations.Nullable;

/**
 * The classifier's verdict: why the message bounced, the public classification that follows from that reason
 * (and from whether the failure was temporary), and the codes it read, given or found in the text.
 *
 * @param detail why the verdict differs from what the codes alone would say (a refusal before {@code RCPT} or
 *               after {@code DATA} that does not suppress, for one); null when the codes and text speak plainly
 */
public record BounceDiagnosis(BounceReason reason, Classification classification, @Nullable SmtpReplyCode replyCode,
                              @Nullable EnhancedStatusCode enhancedCode, @Nullable String detail) {

    public BounceDiagnosis(BounceReason reason, Classification classification, @Nullable SmtpReplyCode replyCode,
                           @Nullable EnhancedStatusCode enhancedCode) {
        this(reason, classification, replyCode, enhancedCode, null);
    }
}
