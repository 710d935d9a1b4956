package dev.suppression.suppression;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The probation's one retry proves something only if it reaches the recipient's server: while an ESP still holds
 * the address on its own list, it drops the retry itself, without an SMTP attempt.
 */
final class ProbationAdvice {

    private ProbationAdvice() {
    }

    static @Nullable String of(boolean onProbation, List<ProviderListStatus> providers) {
        var removals = providers.stream().filter(p -> p.action().equals("remove")).toList();
        if (!onProbation || removals.isEmpty()) {
            return null;
        }
        var pending = names(removals.stream().filter(ProviderListStatus::pending).toList());
        if (!pending.isEmpty()) {
            return "Wait before the one retry: the removal from " + pending + " is pending, and until it is done "
                    + "that ESP drops the mail from its own suppression list without an SMTP attempt, so the retry "
                    + "would prove nothing.";
        }
        var blocked = removals.stream().filter(p -> !p.status().startsWith("removed")).toList();
        if (!blocked.isEmpty()) {
            return "Retry once, but not through " + names(blocked) + ": the address is still on its own "
                    + "suppression list (" + blocked.stream().map(p -> p.provider() + " " + p.status())
                    .collect(Collectors.joining("; ")) + ").";
        }
        return "Retry once: the address is off every connected ESP list, so the retry reaches the recipient's server.";
    }

    private static String names(List<ProviderListStatus> statuses) {
        return statuses.stream().map(ProviderListStatus::provider).collect(Collectors.joining(", "));
    }
}
