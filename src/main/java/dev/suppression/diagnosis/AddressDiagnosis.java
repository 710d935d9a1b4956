package dev.suppression.diagnosis;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The rejector reading for one address: {@code GET /suppressions/{address}/diagnosis}.
 *
 * @param bounces  the address's bounces, newest first
 * @param rejector who refused the latest bounce, when there is one
 */
public record AddressDiagnosis(String address, String domain, List<BounceEvidence> bounces,
                               @Nullable Rejector rejector, List<RejectorGroup> rejectors, MxReading mx,
                               List<MxHistoryEntry> mxHistory, List<Finding> findings, List<Question> questions,
                               List<String> afterTheFix, Instant generatedAt) {
}
