package dev.suppression.providersync;

import dev.suppression.outbox.OutboxDrain;
import dev.suppression.suppression.AddressCleared;
import dev.suppression.suppression.AddressSuppressed;
import dev.suppression.suppression.AddressesSuppressed;
import dev.suppression.suppression.SuppressionReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox to the providers' APIs: each action while its row is locked, marked in the same transaction,
 * so two instances never send the same one and one marked done is never sent again. An instance sends only to the
 * providers it has a key for; actions for another wait for an instance that has one. A crash between the
 * provider's answer and the commit repeats the call, which every list takes as a no-op (a delete of what is gone,
 * an add of what is there).
 */
@Component
class ProviderActionSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProviderActionSender.class);

    private final ProviderActions actions;
    private final ConnectedLists lists;
    private final ProviderSyncSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final OutboxDrain drain;

    ProviderActionSender(ProviderActions actions, ConnectedLists lists, ProviderSyncSettings settings,
                         TransactionTemplate transaction, Clock clock, MeterRegistry meters) {
        this.actions = actions;
        this.lists = lists;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
        this.drain = new OutboxDrain("provider-sync", settings.pollInterval(), settings.timeout().multipliedBy(4),
                transaction, this::sendNext);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void cleared(AddressCleared cleared) {
        drain.wake();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void suppressed(AddressSuppressed suppressed) {
        drain.wake();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void suppressedAll(AddressesSuppressed batch) {
        drain.wake();
    }

    private boolean sendNext() {
        var next = actions.lockNextDue(clock.instant(), lists.names());
        if (next.isEmpty()) {
            return false;
        }
        var action = next.get();
        if (actions.hasNewer(action)) {
            actions.markEnded(action.id(), ActionState.SUPERSEDED, clock.instant(), "a later change replaced it");
            return true;
        }
        var esp = lists.named(action.provider()).orElseThrow();
        var address = new EspList.ListedAddress(action.address(), actions.listedAs(action.provider(), action.address()));
        var step = action.state() == ActionState.VERIFYING ? "confirm" : action.kind().name().toLowerCase();
        Outcome outcome;
        try {
            outcome = switch (action.state()) {
                case VERIFYING -> esp.confirmRemoved(address);
                default -> action.kind() == ActionKind.REMOVE ? esp.remove(address)
                        : esp.add(address, action.reason() == null ? SuppressionReason.MANUAL : action.reason());
            };
        } catch (ProviderHttp.CallFailed e) {
            outcome = e.outcome();
        } catch (RuntimeException e) {
            // An answer shaped unlike the documentation: marked and retried with the backoff, not re-read every poll.
            log.warn("{} {} of {}: unexpected answer", action.provider(), action.kind(), action.address(), e);
            outcome = new Outcome.Retry(null, "unexpected answer: " + e.getClass().getSimpleName());
        }
        record(action, step, outcome);
        return true;
    }

    private void record(ProviderActions.Action action, String step, Outcome outcome) {
        var now = clock.instant();
        var tag = switch (outcome) {
            case Outcome.Done done -> {
                actions.markDone(action.id(), now);
                log.info("{} {} of {} done", action.provider(), action.kind(), action.address());
                yield "done";
            }
            case Outcome.Confirm confirm -> {
                actions.markVerifying(action.id(), now.plus(confirm.after()), null);
                yield "accepted";
            }
            case Outcome.StillListed still -> {
                int failures = action.attempts() + 1;
                if (failures >= settings.maxAttempts()) {
                    actions.markEnded(action.id(), ActionState.FAILED, now, still.why() + " (gave up after "
                            + failures + " attempts)");
                    log.warn("{} still lists {} after {} read-backs", action.provider(), action.address(), failures);
                    yield "failed";
                }
                actions.markVerifying(action.id(), now.plus(settings.backoff().after(failures)), still.why());
                yield "still_listed";
            }
            case Outcome.Retry retry when retry.rateLimited() -> {
                actions.markRetry(action.id(), retry.notBefore(), retry.why());
                log.info("{} {} of {} rate limited; next attempt at {}", action.provider(), action.kind(),
                        action.address(), retry.notBefore());
                yield "rate_limited";
            }
            case Outcome.Retry retry -> {
                int failures = action.attempts() + 1;
                if (failures >= settings.maxAttempts()) {
                    actions.markEnded(action.id(), ActionState.FAILED, now, retry.why() + " (gave up after "
                            + failures + " attempts)");
                    log.warn("{} {} of {} failed for good: {}", action.provider(), action.kind(), action.address(),
                            retry.why());
                    yield "failed";
                }
                var wait = settings.backoff().after(failures);
                actions.markRetry(action.id(), now.plus(wait), retry.why());
                log.warn("{} {} of {} not done (attempt {}), retrying in {}: {}", action.provider(), action.kind(),
                        action.address(), failures, wait, retry.why());
                yield "retry";
            }
            case Outcome.Failed failed -> {
                actions.markEnded(action.id(), ActionState.FAILED, now, failed.why());
                log.warn("{} {} of {} failed: {}", action.provider(), action.kind(), action.address(), failed.why());
                yield "failed";
            }
            case Outcome.CannotRemove cannot -> {
                actions.markEnded(action.id(), ActionState.CANNOT_REMOVE, now, cannot.why());
                log.warn("{} keeps {} on its list: {}", action.provider(), action.address(), cannot.why());
                yield "cannot_remove";
            }
        };
        Counter.builder("suppression.provider.actions")
                .description("Calls to the ESPs' suppression list APIs, by provider, action and outcome")
                .tag("provider", action.provider()).tag("action", step).tag("outcome", tag)
                .register(meters).increment();
    }

    @Override
    public void start() {
        if (!lists.anyConnected()) {
            return;
        }
        for (var provider : lists.names()) {
            Gauge.builder("suppression.provider.actions.pending", actions, a -> a.openCount(provider))
                    .description("Actions waiting to be done or confirmed at an ESP's list").tag("provider", provider)
                    .register(meters);
        }
        drain.start();
        log.info("ESP suppression lists followed: {}", lists.all().stream().map(EspList::provider).toList());
    }

    @Override
    public void stop() {
        drain.stop();
    }

    @Override
    public boolean isRunning() {
        return drain.isRunning();
    }
}
