package dev.suppression.diagnosis;

import java.util.Optional;

/** One named cause the diagnosis looks for; it fires with the evidence that shows it, or stays silent. */
interface FindingRule {

    Optional<Finding> apply(DiagnosisFacts facts);
}
