package dev.suppression.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains one outbox table on its own thread: woken by each commit that wrote to it, and every poll interval for
 * retries and for rows a restart left behind. Each row is handled in its own transaction by {@code sendNext},
 * which locks the row ({@code FOR UPDATE SKIP LOCKED}), sends it and marks it before the commit: no two instances
 * send the same row, and a row marked done is never sent again.
 */
public final class OutboxDrain {

    private static final Logger log = LoggerFactory.getLogger(OutboxDrain.class);

    private final String name;
    private final Duration pollInterval;
    private final Duration stopWait;
    private final TransactionTemplate transaction;
    private final BooleanSupplier sendNext;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile @Nullable ScheduledExecutorService executor;

    /**
     * @param sendNext handles the next row due in the caller's transaction; false when none is due
     * @param stopWait how long a stop waits for a send under way (its timeout), so it is marked, not left half done
     */
    public OutboxDrain(String name, Duration pollInterval, Duration stopWait, TransactionTemplate transaction,
                       BooleanSupplier sendNext) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.stopWait = stopWait;
        this.transaction = transaction;
        this.sendNext = sendNext;
    }

    /** Asks for a drain soon, after the commit that called it; at most one wake waits at a time. */
    public void wake() {
        var running = executor;
        if (running != null && wakeQueued.compareAndSet(false, true)) {
            running.execute(() -> {
                wakeQueued.set(false);
                drain();
            });
        }
    }

    /** Sends every row due now, one at a time. */
    public void drain() {
        try {
            while (executor != null && Boolean.TRUE.equals(transaction.execute(status -> sendNext.getAsBoolean()))) {
                // Sent or failed one; look for the next.
            }
        } catch (RuntimeException e) {
            log.warn("The {} outbox is unavailable, trying again in {}: {}", name, pollInterval, e.getMessage());
        }
    }

    public void start() {
        var scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
        executor = scheduler;
        scheduler.scheduleWithFixedDelay(this::drain, 0, pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public void stop() {
        var running = executor;
        executor = null;
        if (running != null) {
            // No interrupt: a send under way ends within its timeout and is marked, not left half done.
            running.shutdown();
            try {
                running.awaitTermination(stopWait.toMillis() + 1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isRunning() {
        return executor != null;
    }
}
