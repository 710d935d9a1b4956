package dev.suppression.postfixpolicy;

import dev.suppression.address.EmailAddress;
import dev.suppression.address.InvalidAddressException;
import dev.suppression.suppression.SuppressionList;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;

/**
 * Judges one policy request with the check senders call over HTTP ({@link SuppressionList#check}): the same
 * index, the same query, the same verdict. Only the recipient stage is judged; everything else is Postfix's
 * {@code DUNNO} ("no opinion"). An answer that cannot be made is the configured outage action, never a
 * silent {@code DUNNO} unless the operator chose that.
 */
final class RecipientPolicy {

    private static final Logger log = LoggerFactory.getLogger(RecipientPolicy.class);

    private final SuppressionList list;
    private final String outageAction;
    private final Map<PolicyAnswer.Outcome, Timer> timers = new EnumMap<>(PolicyAnswer.Outcome.class);
    private final Semaphore checks;

    RecipientPolicy(SuppressionList list, PostfixPolicySettings settings, MeterRegistry meters) {
        this.list = list;
        this.outageAction = settings.outageAction().strip();
        // Fair, so a request that waits is answered in its turn; Postfix's own timeout bounds the wait.
        this.checks = new Semaphore(settings.maxConcurrentChecks(), true);
        for (var outcome : PolicyAnswer.Outcome.values()) {
            timers.put(outcome, Timer.builder("suppression.postfix.policy.requests")
                    .description("Postfix policy requests answered, by outcome and the action sent back")
                    .tag("outcome", outcome.tag())
                    .tag("action", outcome == PolicyAnswer.Outcome.UNAVAILABLE ? actionWord(outageAction)
                            : outcome.action())
                    .register(meters));
        }
    }

    PolicyAnswer answer(PolicyRequest request) {
        var started = System.nanoTime();
        var answer = decide(request);
        timers.get(answer.outcome()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return answer;
    }

    private PolicyAnswer decide(PolicyRequest request) {
        if (request.unreadable() > 0) {
            log.warn("Postfix policy request (queue id {}, client {}) had {} unreadable line(s); ignored them",
                    request.queueId(), request.clientAddress(), request.unreadable());
        }
        if (!request.isAccessPolicy()) {
            log.warn("Not an smtpd access policy request (request={}); answered DUNNO", request.request());
            return PolicyAnswer.malformed();
        }
        if (!request.isRecipientStage()) {
            return PolicyAnswer.notJudged();
        }
        var raw = request.recipient();
        if (raw == null || raw.isEmpty()) {
            log.warn("RCPT policy request without a recipient (queue id {}, client {}); answered DUNNO",
                    request.queueId(), request.clientAddress());
            return PolicyAnswer.malformed();
        }
        EmailAddress recipient;
        try {
            recipient = EmailAddress.parse(raw);
        } catch (InvalidAddressException e) {
            // No such string can be on the list, so there is nothing to refuse; Postfix's own checks decide.
            log.info("Recipient {} is no mail address the list could hold ({}); answered DUNNO", raw, e.getMessage());
            return PolicyAnswer.malformed();
        }
        try {
            checks.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable(recipient, "interrupted while waiting for a turn to check (the service is stopping)");
        }
        try {
            var view = list.check(recipient);
            return switch (view.verdict()) {
                case ALLOW -> PolicyAnswer.allow();
                case SUPPRESSED -> view.suppression() == null
                        ? unavailable(recipient, "a suppressed verdict without its details")
                        : PolicyAnswer.suppressed(view.suppression(), raw);
                case DOMAIN_PAUSED -> PolicyAnswer.domainPaused(view.domain(), raw);
            };
        } catch (RuntimeException e) {
            // Database down, pool exhausted, or a bug: none of them is a reason to let mail through.
            return unavailable(recipient, e + " (" + NestedExceptionUtils.getMostSpecificCause(e).getMessage() + ")");
        } finally {
            checks.release();
        }
    }

    private PolicyAnswer unavailable(EmailAddress recipient, String cause) {
        log.warn("Could not check {} for Postfix, answered '{}': {}", recipient, outageAction, cause);
        return PolicyAnswer.unavailable(outageAction);
    }

    private static String actionWord(String action) {
        return action.split("\\s+", 2)[0];
    }
}
