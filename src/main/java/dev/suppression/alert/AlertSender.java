package dev.suppression.alert;

import dev.suppression.outbox.OutboxDrain;
import dev.suppression.recipientdomain.ClusterFormed;
import dev.suppression.recipientdomain.DomainPaused;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the outbox: woken by each commit that wrote an alert, and every poll interval for retries and for
 * alerts a restart left behind. Each alert is sent while its row is locked and marked sent in the same
 * transaction, so no two instances send it and a sent alert is never sent again. A crash between the receiver's
 * 2xx and the commit is the one case of a repeat; the {@code X-Suppression-Alert-Id} header lets the receiver
 * drop it.
 */
@Component
class AlertSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AlertSender.class);
    private static final int MAX_ERROR = 500;

    private final AlertOutbox outbox;
    private final AlertSettings settings;
    private final Clock clock;
    private final HttpClient http;
    private final OutboxDrain drain;

    AlertSender(AlertOutbox outbox, AlertSettings settings, TransactionTemplate transaction, Clock clock) {
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.drain = new OutboxDrain("alert-sender", settings.pollInterval(), settings.timeout(), transaction,
                this::sendNext);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void paused(DomainPaused paused) {
        drain.wake();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void clusterFormed(ClusterFormed cluster) {
        drain.wake();
    }


    private boolean sendNext() {
        var next = outbox.lockNextDue(clock.instant());
        if (next.isEmpty()) {
            return false;
        }
        var alert = next.get();
        var error = deliver(alert);
        if (error == null) {
            outbox.markSent(alert.id(), clock.instant());
            log.info("Alert {} delivered", alert.dedupKey());
        } else {
            var wait = settings.backoffAfter(alert.attempts() + 1);
            outbox.markFailed(alert.id(), clock.instant().plus(wait), error);
            log.warn("Alert {} not delivered (attempt {}), retrying in {}: {}", alert.dedupKey(), alert.attempts() + 1,
                    wait, error);
        }
        return true;
    }

    /** Null when the receiver took it (2xx), else what went wrong. */
    private @Nullable String deliver(PendingAlert alert) {
        var url = settings.webhookUrl();
        var secret = settings.signingSecret();
        if (url == null || secret == null) {
            return "no webhook URL is configured";
        }
        long timestamp = clock.instant().getEpochSecond();
        var request = HttpRequest.newBuilder(url).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header(AlertSignature.ALERT_ID_HEADER, alert.dedupKey())
                .header(AlertSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(AlertSignature.SIGNATURE_HEADER, AlertSignature.of(secret, timestamp, alert.payload()))
                .POST(HttpRequest.BodyPublishers.ofString(alert.payload()))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "the receiver answered " + response.statusCode();
        } catch (IOException e) {
            var message = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return message.length() > MAX_ERROR ? message.substring(0, MAX_ERROR) : message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            return;
        }
        drain.start();
        log.info("Alerts go to {}", settings.webhookUrl());
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
