package dev.suppression.classification;

import org.jspecify.annotations.Nullable;

/** The classifier's verdict together with the codes it read, given or found in the text. */
public record BounceDiagnosis(Classification classification, @Nullable SmtpReplyCode replyCode,
                              @Nullable EnhancedStatusCode enhancedCode) {
}
