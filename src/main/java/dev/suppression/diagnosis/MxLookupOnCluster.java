package dev.suppression.diagnosis;

import dev.suppression.recipientdomain.ClusterFormed;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When a domain's cluster forms, records its MX as evidence: after the counting transaction committed, on a
 * thread of its own, so ingestion never waits on DNS. A full queue drops the lookup (the diagnosis looks the
 * route up again when it is asked for).
 */
@Component
class MxLookupOnCluster implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MxLookupOnCluster.class);

    private final MxLookups lookups;
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(1000), Thread.ofPlatform().name("mx-lookup-", 0).daemon().factory());

    MxLookupOnCluster(MxLookups lookups) {
        this.lookups = lookups;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void lookUp(ClusterFormed cluster) {
        try {
            executor.execute(() -> {
                try {
                    var route = lookups.lookUp(cluster.domain());
                    log.info("MX of {} at {} ({} addresses): {}", cluster.domain(), cluster.level(),
                            cluster.distinctAddresses(), route);
                } catch (RuntimeException e) {
                    log.warn("Could not record the MX of {}: {}", cluster.domain(), e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            log.warn("MX lookup of {} dropped: {} lookups are waiting", cluster.domain(), executor.getQueue().size());
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(5, TimeUnit.SECONDS);
    }
}
