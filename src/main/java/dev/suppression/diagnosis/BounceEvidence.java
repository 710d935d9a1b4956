package dev.suppression.diagnosis;

import dev.suppression.bounce.Origin;
import dev.suppression.classification.BounceReason;
import dev.suppression.classification.Classification;
import dev.suppression.classification.SmtpStage;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One bounce with everything the diagnosis reads from it, and who refused it. */
public record BounceEvidence(String address, Instant occurredAt, Instant receivedAt, Classification classification,
                             @Nullable BounceReason reason, @Nullable Integer smtpCode, @Nullable String enhancedCode,
                             @Nullable String response, SmtpStage stage, @Nullable String rejectingHost,
                             RejectorRole rejectorRole, @Nullable String rejectorVendor, @Nullable String messageId,
                             @Nullable String reportingMta, Origin origin, @Nullable String source) {

    Rejector rejector() {
        return new Rejector(rejectingHost, rejectorRole, rejectorVendor);
    }

    /** Whether the refusal says the mailbox does not exist, at a stage where it can say so. */
    boolean saysTheMailboxIsMissing() {
        return classification == Classification.USER_UNKNOWN && stage.concernsTheRecipient();
    }
}
