package dev.suppression.diagnosis;

import java.util.List;
import java.util.Optional;

/**
 * Some bounces never reached the recipient's servers: our MTA or the sending platform produced them. Asking the
 * recipient admin about those would waste their time and ours.
 */
final class RejectedOnOurSide implements FindingRule {

    static final String RULE = "REJECTED_ON_OUR_SIDE";

    @Override
    public Optional<Finding> apply(DiagnosisFacts facts) {
        var ours = facts.bounces().stream()
                .filter(b -> b.rejectorRole() == RejectorRole.OWN_SIDE || b.rejectorRole() == RejectorRole.SENDING_PLATFORM)
                .toList();
        if (ours.isEmpty()) {
            return Optional.empty();
        }
        var hosts = Evidence.hosts(ours);
        return Optional.of(new Finding(RULE, "Rejections produced on our own side",
                ours.size() + " bounce(s) were produced by our own MTA or the sending platform"
                        + (hosts.isEmpty() ? " with no remote host involved" : " (" + hosts + ")")
                        + ", not by the recipient's servers. Check our side (the platform's suppression list, our"
                        + " relay's routing and DNS) before asking the recipient admin about them.",
                ours.stream().map(Evidence::line).toList(), List.of()));
    }
}
