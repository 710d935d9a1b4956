package dev.suppression.diagnosis;

import dev.suppression.recipientdomain.ClusterLevel;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a domain's hard bounces were refused and why, with the questions for its admin: {@code GET
 * /domains/{domain}/diagnosis}.
 */
public record DomainDiagnosis(String domain, ClusterLevel level, String guidance, boolean paused,
                              @Nullable Instant pausedAt, boolean exempt, Instant windowStart, long distinctAddresses,
                              List<BounceEvidence> addresses, List<RejectorGroup> rejectors, MxReading mx,
                              List<MxHistoryEntry> mxHistory, List<Finding> findings, List<Question> questions,
                              List<String> afterTheFix, Instant generatedAt) {
}
