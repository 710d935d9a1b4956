package dev.suppression.postfixpolicy;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The Postfix policy listener ({@code suppression.postfix-policy.*}); off unless {@code enabled}.
 *
 * @param enabled        listens for Postfix's {@code check_policy_service} when true
 * @param address        the interface to listen on; keep it on loopback or a private network, the protocol has
 *                       no authentication
 * @param port           the TCP port; 0 picks a free one (tests)
 * @param maxConnections the most connections open at once; Postfix holds one per smtpd process, so this should
 *                       be at least the smtpd process limit of every instance that asks. A connection beyond it
 *                       is closed at once, and Postfix answers with its {@code default_action}
 * @param maxConcurrentChecks how many requests may wait on the check at once; the others queue here rather than
 *                       in the connection pool, so a burst of smtpd processes is answered in turn instead of
 *                       timing out on the pool (which would read as an outage), and HTTP callers keep
 *                       connections. Keep it below {@code spring.datasource.hikari.maximum-pool-size}
 * @param readTimeout    how long a connection may sit idle between requests before it is closed; longer than
 *                       Postfix's {@code smtpd_policy_service_max_idle} (300s), so Postfix closes idle
 *                       connections first and never finds one closed under it
 * @param outageAction   the answer while the check cannot be made (database down): an access(5) action.
 *                       {@code DUNNO} fails open and lets mail to suppressed addresses through; only an
 *                       operator who prefers that to delaying mail should choose it
 */
@Validated
@ConfigurationProperties("suppression.postfix-policy")
public record PostfixPolicySettings(@DefaultValue("false") boolean enabled,
                                    @NotBlank @DefaultValue("127.0.0.1") String address,
                                    @Min(0) @Max(65_535) @DefaultValue("10045") int port,
                                    @Min(1) @Max(100_000) @DefaultValue("256") int maxConnections,
                                    @Min(1) @Max(10_000) @DefaultValue("16") int maxConcurrentChecks,
                                    @NotNull @DefaultValue("330s") Duration readTimeout,
                                    // One line of printable ASCII: a line end would break the protocol.
                                    @NotBlank @Size(max = 400) @Pattern(regexp = "[\\x20-\\x7e]+")
                                    @DefaultValue("DEFER_IF_PERMIT 4.3.0 Suppression list unavailable, try again later")
                                    String outageAction) {

    /** The access(5) actions that make sense as an answer about one recipient. */
    private static final Set<String> ACTIONS = Set.of("DUNNO", "OK", "DEFER_IF_PERMIT", "DEFER_IF_REJECT", "DEFER",
            "REJECT", "HOLD", "WARN", "PREPEND", "DISCARD");

    public PostfixPolicySettings {
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "suppression.postfix-policy.read-timeout must be positive, not " + readTimeout);
        }
        if (!outageAction.isBlank() && !isAccessAction(outageAction)) {
            throw new IllegalArgumentException("suppression.postfix-policy.outage-action must be an access(5) "
                    + "action such as 'DEFER_IF_PERMIT 4.3.0 text', '451 4.3.0 text' or 'DUNNO', not '"
                    + outageAction + "'");
        }
    }

    private static boolean isAccessAction(String action) {
        var word = firstWord(action).toUpperCase(Locale.ROOT);
        return ACTIONS.contains(word) || word.matches("[45][0-9][0-9]");
    }

    private static String firstWord(String action) {
        return action.strip().split("\\s+", 2)[0];
    }

    /** Whether the operator chose to let mail through while the check is unavailable. */
    boolean failsOpen() {
        var word = firstWord(outageAction);
        return word.equalsIgnoreCase("DUNNO") || word.equalsIgnoreCase("OK") || word.equalsIgnoreCase("WARN")
                || word.equalsIgnoreCase("PREPEND");
    }
}
