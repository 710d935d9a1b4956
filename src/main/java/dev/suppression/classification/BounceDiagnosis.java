package dev.suppression.classification;

import org.jspecify.annotations.Nullable;

/**
 * The classifier's verdict: why the message bounced, the public classification that follows from that reason
 * (and from whether the failure was temporary), and the codes it read, given or found in the text.
 */
public record BounceDiagnosis(BounceReason reason, Classification classification, @Nullable SmtpReplyCode replyCode,
                              @Nullable EnhancedStatusCode enhancedCode) {
}
