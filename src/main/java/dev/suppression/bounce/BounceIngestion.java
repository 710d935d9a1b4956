package dev.suppression.bounce;

import dev.suppression.address.DomainName;
import dev.suppression.bouncerate.SendTallies;
import dev.suppression.bouncerate.Tally;
import dev.suppression.bounce.IngestionOutcome.EventResult;
import dev.suppression.bounce.IngestionOutcome.Status;
import dev.suppression.classification.BounceClassifier;
import dev.suppression.classification.BounceDiagnosis;
import dev.suppression.classification.Classification;
import dev.suppression.recipientdomain.DomainBounce;
import dev.suppression.recipientdomain.DomainClusters;
import dev.suppression.suppression.HardBounce;
import dev.suppression.suppression.SuppressionList;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one ingestion path every reporter uses: classify each bounce, store it as evidence once (by event id),
 * suppress hard-bounced addresses and count them toward their domain's cluster, and keep each refused event
 * with its reason. A batch is one transaction: it is acknowledged only after it committed, and valid
 * events are never lost because a neighbour was malformed.
 */
@Service
public class BounceIngestion {

    private static final Logger log = LoggerFactory.getLogger(BounceIngestion.class);
    private static final int MAX_ATTEMPTS = 5;

    private final BounceEvents events;
    private final RejectedEvents rejected;
    private final SuppressionList suppressions;
    private final DomainClusters domains;
    private final BounceClassifier classifier = new BounceClassifier();
    private final TransactionTemplate transaction;
    private final Map<Classification, Counter> ingestedCounters = new EnumMap<>(Classification.class);
    private final Counter rejectedCounter;
    private final Counter duplicateCounter;
    private final Counter complaintCounter;
    private final ComplaintEvents complaints;
    private final DeliveryStats deliveryStats;
    private final SendTallies tallies;

    BounceIngestion(BounceEvents events, RejectedEvents rejected, ComplaintEvents complaints,
                    DeliveryStats deliveryStats, SuppressionList suppressions, DomainClusters domains,
                    TransactionTemplate transaction, MeterRegistry meters, SendTallies tallies) {
        this.tallies = tallies;
        this.events = events;
        this.complaints = complaints;
        this.deliveryStats = deliveryStats;
        this.rejected = rejected;
        this.suppressions = suppressions;
        this.domains = domains;
        this.transaction = transaction;
        for (var c : Classification.values()) {
            ingestedCounters.put(c, Counter.builder("suppression.events.ingested").tag("classification", c.name())
                    .description("Bounce events accepted, by classification").register(meters));
        }
        this.rejectedCounter = Counter.builder("suppression.events.rejected")
                .description("Bounce events refused as malformed").register(meters);
        this.duplicateCounter = Counter.builder("suppression.events.duplicate")
                .description("Bounce events whose event id was already stored").register(meters);
        this.complaintCounter = Counter.builder("suppression.complaints.ingested")
                .description("Spam complaints accepted").register(meters);
    }

    /** Ingests a batch in one transaction, retried whole if the database picks it as a deadlock victim. */
    public IngestionOutcome ingest(List<Submission> batch) {
        return ingest(batch, () -> true);
    }

    /**
     * Ingests a batch whose delivery the reporter may repeat: {@code firstDelivery} runs inside the same
     * transaction (so it is recorded only if the batch commits) and, when it says the delivery was already
     * stored, every event is answered as a duplicate without being processed again.
     */
    public IngestionOutcome ingest(List<Submission> batch, BooleanSupplier firstDelivery) {
        for (int attempt = 1; ; attempt++) {
            try {
                var outcome = transaction.execute(status -> firstDelivery.getAsBoolean()
                        ? ingestInTransaction(batch) : alreadyDelivered(batch));
                countMetrics(outcome);
                return outcome;
            } catch (ConcurrencyFailureException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                log.warn("Batch of {} events hit a lock conflict (attempt {}), retrying: {}", batch.size(), attempt,
                        e.getMessage());
            }
        }
    }

    private IngestionOutcome ingestInTransaction(List<Submission> batch) {
        var diagnoses = new BounceDiagnosis[batch.size()];
        // Only recipient hard bounces and complaints change a domain; lock those domains (below) before touching
        // any of their rows, in one global order, so overlapping batches on any instance queue instead of
        // deadlocking.
        var domainsToLock = new ArrayList<DomainName>();
        var activities = new ArrayList<ActivityReport>();
        for (int i = 0; i < batch.size(); i++) {
            switch (batch.get(i)) {
                case Submission.Valid(var report, var raw) -> {
                    diagnoses[i] = classifier.classify(report.smtpCode(), report.enhancedCode(), report.diagnostic(),
                            report.stage());
                    if (countsAsHardBounce(report, diagnoses[i].classification())) {
                        domainsToLock.add(report.recipient().domain());
                    }
                }
                case Submission.Complaint(var report, var raw) -> domainsToLock.add(report.recipient().domain());
                case Submission.Activity(var report) -> activities.add(report);
                case Submission.Invalid invalid -> { }
            }
        }

        var results = new EventResult[batch.size()];
        // Event ids are inserted in sorted order, so two batches sharing ids wait on each other in one order.
        var order = IntStream.range(0, batch.size()).boxed()
                .sorted(Comparator.comparing(i -> eventIdOf(batch.get(i)), Comparator.naturalOrder()))
                .toList();
        var bounceOrder = order.stream().filter(i -> batch.get(i) instanceof Submission.Valid).toList();
        var stored = events.insertAll(bounceOrder.stream().map(i -> {
            var valid = (Submission.Valid) batch.get(i);
            return new BounceEvents.NewBounce(valid.report(), diagnoses[i].classification(), diagnoses[i].reason(),
                    diagnoses[i].detail(),
                    countsAsHardBounce(valid.report(), diagnoses[i].classification()), valid.raw());
        }).toList());
        var hardBounces = new ArrayList<HardBounce>();
        var tallied = new ArrayList<Tally>();
        for (int k = 0; k < bounceOrder.size(); k++) {
            int index = bounceOrder.get(k);
            var valid = (Submission.Valid) batch.get(index);
            results[index] = accept(index, valid.report(), diagnoses[index], stored[k]);
            if (stored[k] != null && countsAsHardBounce(valid.report(), diagnoses[index].classification())) {
                var report = valid.report();
                tallied.add(Tally.hardBounce(report.occurredAt(), report.labels(), report.recipient().domain().value()));
                hardBounces.add(new HardBounce(report.recipient(), diagnoses[index].classification(), report.occurredAt(),
                        responseText(report), report.rejectingHost(), stored[k], actorFor(report)));
            }
        }
        var domainBounces = hardBounces.stream().map(b -> new DomainBounce(b.address().domain(),
                b.address().value(), b.occurredAt(), b.response(), b.rejectingHost())).toList();
        // The evidence and the bounced addresses are stored before the domain locks are taken: the heaviest
        // statements of the batch then never hold a lock another batch waits for. A batch waiting on another's
        // event ids or address rows holds no domain lock yet, so the two kinds of wait cannot form a cycle.
        domains.recordBouncedAddresses(domainBounces);
        var locked = domains.lock(domainsToLock);
        // The whole batch's hard bounces in a handful of statements: the rules still run one bounce at a time.
        suppressions.applyHardBounces(hardBounces);
        domains.recordHardBounces(locked, domainBounces);
        for (int index : order) {
            if (results[index] != null) {
                continue;
            }
            results[index] = switch (batch.get(index)) {
                case Submission.Valid valid -> throw new IllegalStateException("bounces were stored above");
                case Submission.Complaint(var report, var raw) -> acceptComplaint(index, report, raw, tallied);
                case Submission.Activity(var report) ->
                        new EventResult(index, Status.COUNTED, null, null, null, null, report.type());
                case Submission.Invalid(var raw, var reason, var eventId, var source) -> {
                    rejected.record(raw, reason, source);
                    yield new EventResult(index, Status.REJECTED, null, eventId, null, null, reason);
                }
            };
        }
        for (var activity : activities) {
            if (activity.isDelivery()) {
                tallied.add(Tally.delivered(activity.occurredAt(), activity.labels(), activity.recipientDomain()));
            }
        }
        // Last: every batch with activities updates the same per-day and per-minute counter rows, so hold them the
        // shortest time. Only events stored above are counted, so a repeated event never counts twice.
        tallies.add(tallied);
        deliveryStats.add(activities);
        int accepted = 0, duplicates = 0, refused = 0, counted = 0;
        for (var r : results) {
            switch (r.status()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> refused++;
                case COUNTED -> counted++;
            }
        }
        return new IngestionOutcome(accepted, duplicates, refused, counted, List.of(results));
    }

    private static IngestionOutcome alreadyDelivered(List<Submission> batch) {
        var results = IntStream.range(0, batch.size())
                .mapToObj(i -> new EventResult(i, Status.DUPLICATE, null, null, null, null,
                        "this delivery was already ingested; nothing changed"))
                .toList();
        return new IngestionOutcome(0, batch.size(), 0, 0, results);
    }

    private static String eventIdOf(Submission submission) {
        var id = switch (submission) {
            case Submission.Valid v -> v.report().eventId();
            case Submission.Complaint c -> c.report().eventId();
            default -> null;
        };
        return id == null ? "" : id;
    }

    private EventResult acceptComplaint(int index, ComplaintReport report, String raw, List<Tally> tallied) {
        var recipient = report.recipient().value();
        var stored = complaints.insert(report, raw);
        if (stored.isEmpty()) {
            return new EventResult(index, Status.DUPLICATE, recipient, report.eventId(), null, null,
                    "complaint " + report.eventId() + " was already ingested; nothing changed");
        }
        tallied.add(Tally.complaint(report.occurredAt(), report.labels(), report.recipient().domain().value()));
        suppressions.applyComplaint(report.recipient(), report.occurredAt(), stored.get(),
                report.source() == null ? "complaint" : "complaint via " + report.source());
        return new EventResult(index, Status.ACCEPTED, recipient, report.eventId(), null, null, "complaint");
    }

    private static boolean countsAsHardBounce(BounceReport report, Classification classification) {
        return classification.isHardBounce() && report.origin() == Origin.RECIPIENT;
    }

    private static EventResult accept(int index, BounceReport report, BounceDiagnosis diagnosis,
                                      @Nullable Long storedId) {
        var recipient = report.recipient().value();
        if (storedId == null) {
            return new EventResult(index, Status.DUPLICATE, recipient, report.eventId(), diagnosis.classification(),
                    diagnosis.reason(), "event id " + report.eventId() + " was already ingested; nothing changed",
                    report.stage(), report.remoteMta(), report.reportingMta());
        }
        return new EventResult(index, Status.ACCEPTED, recipient, report.eventId(), diagnosis.classification(),
                diagnosis.reason(), diagnosis.detail(), report.stage(), report.remoteMta(), report.reportingMta());
    }

    /** The full SMTP response as ops want to read it: the diagnostic, or the codes when no text came. */
    private static String responseText(BounceReport report) {
        if (report.diagnostic() != null) {
            return report.diagnostic();
        }
        var parts = new ArrayList<String>();
        if (report.smtpCode() != null) {
            parts.add(report.smtpCode().toString());
        }
        if (report.enhancedCode() != null) {
            parts.add(report.enhancedCode());
        }
        return String.join(" ", parts);
    }

    private static String actorFor(BounceReport report) {
        return report.source() == null ? "bounce" : "bounce via " + report.source();
    }

    private void countMetrics(IngestionOutcome outcome) {
        for (var r : outcome.results()) {
            switch (r.status()) {
                case ACCEPTED -> {
                    if (r.classification() != null) {
                        ingestedCounters.get(r.classification()).increment();
                    } else {
                        complaintCounter.increment();
                    }
                }
                case DUPLICATE -> duplicateCounter.increment();
                case REJECTED -> rejectedCounter.increment();
                case COUNTED -> { }
            }
        }
    }
}
