package dev.suppression.suppression;

import dev.suppression.address.DomainName;
import dev.suppression.address.EmailAddress;
import dev.suppression.checkindex.CheckIndex;
import dev.suppression.recipientdomain.DomainClusters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The suppression list and its rules: hard bounces suppress, ops suppress and clear by hand, and a
 * cleared address is on probation. Every change runs under the address's domain lock, so a clear racing a
 * new bounce, on any instance, comes out as one of the two serial orders.
 */
@Service
public class SuppressionList {

    private static final Logger log = LoggerFactory.getLogger(SuppressionList.class);

    private final Suppressions suppressions;
    private final SuppressionChanges changes;
    private final DomainClusters domains;
    private final ProbationSettings probation;
    private final Clock clock;
    private final Counter created;
    private final Counter cleared;
    private final CheckIndex checkIndex;
    private final SuppressionRows rows;
    private final CheckLookup lookup;
    private final ApplicationEventPublisher events;
    private final ProviderLists providerLists;

    SuppressionList(Suppressions suppressions, SuppressionRows rows, CheckLookup lookup, SuppressionChanges changes,
                    DomainClusters domains, ProbationSettings probation, Clock clock, MeterRegistry meters,
                    CheckIndex checkIndex, ApplicationEventPublisher events, ProviderLists providerLists) {
        this.events = events;
        this.providerLists = providerLists;
        this.rows = rows;
        this.lookup = lookup;
        this.checkIndex = checkIndex;
        this.suppressions = suppressions;
        this.changes = changes;
        this.domains = domains;
        this.probation = probation;
        this.clock = clock;
        this.created = Counter.builder("suppression.addresses.suppressed")
                .description("Addresses put on the suppression list (hard bounce, re-suppression or manual)")
                .register(meters);
        this.cleared = Counter.builder("suppression.addresses.cleared")
                .description("Suppressions cleared by ops").register(meters);
    }

    /**
     * Applies a batch of hard bounces to the list, in order, exactly as one by one: each address's stored row is
     * read once, the rules run in memory, and the changed rows and their history are written in two statements.
     * The caller's transaction must hold the domain locks ({@link DomainClusters#lock}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void applyHardBounces(List<HardBounce> bounces) {
        if (bounces.isEmpty()) {
            return;
        }
        var now = clock.instant();
        var list = rows.findAll(bounces.stream().map(b -> b.address().value()).collect(Collectors.toSet()));
        var changed = new LinkedHashMap<String, Suppression>();
        var added = new ArrayList<String>();
        var history = new ArrayList<SuppressionChanges.NewChange>();
        var suppressed = new ArrayList<AddressSuppressed>();
        for (var bounce : bounces) {
            var address = bounce.address().value();
            var suppression = list.get(address);
            if (suppression == null) {
                suppression = Suppression.fromHardBounce(bounce, now);
                list.put(address, suppression);
                changed.put(address, suppression);
                added.add(address);
                history.add(new SuppressionChanges.NewChange(address, "SUPPRESSED", "hard bounce", bounce.actor(),
                        bounce.classification(), bounce.bounceId(), now));
                suppressed.add(new AddressSuppressed(bounce.address(), SuppressionReason.HARD_BOUNCE, now, null));
                continue;
            }
            switch (suppression.applyHardBounce(bounce, now)) {
                case RESUPPRESSED -> {
                    changed.put(address, suppression);
                    history.add(new SuppressionChanges.NewChange(address, "RESUPPRESSED",
                            suppression.needsForceToClear() ? "hard bounce during probation" : "hard bounce after a clear",
                            bounce.actor(), bounce.classification(), bounce.bounceId(), now));
                    log.info("Re-suppressed {} after a new hard bounce (probation: {})", bounce.address(),
                            suppression.needsForceToClear());
                    suppressed.add(new AddressSuppressed(bounce.address(), SuppressionReason.HARD_BOUNCE, now, null));
                }
                case EVIDENCE_ADDED, SUPPRESSED -> changed.put(address, suppression);
                case IGNORED_BEFORE_CLEAR -> log.info(
                        "Hard bounce for {} at {} predates its last clear; kept as evidence only",
                        bounce.address(), bounce.occurredAt());
            }
        }
        rows.saveAll(changed.values());
        changes.recordAll(history);
        // After the history rows, so what the ESP lists are asked reads after the change that asked it.
        if (!suppressed.isEmpty()) {
            events.publishEvent(new AddressesSuppressed(suppressed));
        }
        if (!added.isEmpty()) {
            checkIndex.noteAddresses(added);
        }
        created.increment(history.size());
    }

    /**
     * Applies a spam complaint: the address is suppressed with reason COMPLAINT. The caller's transaction
     * must hold the domain lock ({@link DomainClusters#lock}).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void applyComplaint(EmailAddress address, Instant occurredAt, long complaintId, String actor) {
        var now = clock.instant();
        var existing = suppressions.findById(address.value());
        if (existing.isEmpty()) {
            suppressions.save(Suppression.fromComplaint(address, now));
            checkIndex.noteAddresses(List.of(address.value()));
        } else if (!existing.get().applyComplaint(occurredAt, now)) {
            return;
        }
        changes.record(address.value(), "COMPLAINT_SUPPRESSED", "spam complaint", actor, null, complaintId, now);
        events.publishEvent(new AddressSuppressed(address, SuppressionReason.COMPLAINT, now, null));
        created.increment();
    }

    /** Ops put an address on the list by hand; a no-op when it is already suppressed. */
    @Transactional
    public CheckView suppressManually(EmailAddress address, String reason, String actor) {
        domains.lock(Set.of(address.domain()));
        var now = clock.instant();
        var existing = suppressions.findById(address.value());
        if (existing.isEmpty()) {
            suppressions.save(Suppression.manual(address, now));
            checkIndex.noteAddresses(List.of(address.value()));
            changes.record(address.value(), "MANUAL_SUPPRESSED", reason, actor, null, null, now);
            events.publishEvent(new AddressSuppressed(address, SuppressionReason.MANUAL, now, null));
            created.increment();
        } else if (existing.get().suppressManually(now)) {
            changes.record(address.value(), "MANUAL_SUPPRESSED", reason, actor, null, null, now);
            events.publishEvent(new AddressSuppressed(address, SuppressionReason.MANUAL, now, null));
            created.increment();
        }
        suppressions.flush();
        return checkInDatabase(address);
    }

    /** Ops clear an address after a recipient-side fix; it goes on probation. */
    @Transactional
    public CheckView clear(EmailAddress address, String reason, boolean force, String actor) {
        domains.lock(Set.of(address.domain()));
        var suppression = suppressions.findById(address.value())
                .orElseThrow(() -> new AddressNotSuppressedException(address));
        var forced = suppression.needsForceToClear();
        var now = clock.instant();
        suppression.clear(now, probation.duration(), force);
        changes.record(address.value(), forced ? "CLEARED_FORCED" : "CLEARED", reason, actor, null, null, now);
        events.publishEvent(new AddressCleared(address, now));
        cleared.increment();
        log.info("Cleared {} by {}{}: {}", address, actor, forced ? " (forced)" : "", reason);
        suppressions.flush();
        return checkInDatabase(address);
    }

    /**
     * The check senders call before every send. When the check index is sure neither the address nor its
     * domain has a row, the answer is ALLOW without a query; otherwise the database decides.
     */
    public CheckView check(EmailAddress address) {
        var addressUnknown = checkIndex.certainlyUnknownAddress(address.value());
        var domainUnknown = checkIndex.certainlyUnknownDomain(address.domain().value());
        if (addressUnknown && domainUnknown) {
            return new CheckView(address.value(), true, Verdict.ALLOW, false, null, domains.unseen(address.domain()));
        }
        return checkInDatabase(address);
    }

    /**
     * The database answer, in one statement. Called from inside this class, so it runs in the caller's
     * transaction when there is one (clear, manual suppress, after their flush) and otherwise on its own.
     */
    CheckView checkInDatabase(EmailAddress address) {
        var now = clock.instant();
        var found = lookup.find(address, domains.windowOpenedAt(now));
        var domain = domains.status(address.domain(), found.domainPaused(), found.domainPausedAt(),
                found.distinctAddresses(), found.windowStart());
        var suppression = found.suppression();
        var active = suppression != null && suppression.isActive();
        Verdict verdict = active ? Verdict.SUPPRESSED : domain.paused() ? Verdict.DOMAIN_PAUSED : Verdict.ALLOW;
        var onProbation = suppression != null && suppression.isOnProbation(now);
        // Only an address with a row can have had an action sent to an ESP list.
        var providers = suppression != null && providerLists.anyConnected()
                ? providerLists.statusOf(address.value()) : List.<ProviderListStatus>of();
        return new CheckView(address.value(), verdict.mayMail(), verdict, onProbation,
                active ? SuppressionDetails.of(suppression) : null, domain, providers,
                ProbationAdvice.of(onProbation, providers));
    }

    /** Active suppressions in address order, a page at a time. */
    @Transactional(readOnly = true)
    public SuppressionPage active(@Nullable DomainName domain, int limit, @Nullable String cursor) {
        return active(SuppressionFilter.atDomain(domain), limit, cursor);
    }

    /** Active suppressions that pass the filter, in address order, a keyset page at a time. */
    @Transactional(readOnly = true)
    public SuppressionPage active(SuppressionFilter filter, int limit, @Nullable String cursor) {
        var after = cursor == null ? "" : decodeCursor(cursor);
        var found = rows.activeAfter(filter, after, limit + 1);
        var items = found.stream().limit(limit).map(SuppressionDetails::of).toList();
        var next = found.size() > limit ? encodeCursor(items.getLast().address()) : null;
        return new SuppressionPage(items, next);
    }

    /** What the probation rule says of the address now: whether a clear needs force, and the probation's span. */
    @Transactional(readOnly = true)
    public ProbationStatus probation(EmailAddress address) {
        var now = clock.instant();
        return suppressions.findById(address.value())
                .map(s -> new ProbationStatus(s.isActive() && s.needsForceToClear(), s.clearedAt(),
                        s.isOnProbation(now) ? s.probationUntil() : null, probation.duration()))
                .orElseGet(() -> new ProbationStatus(false, null, null, probation.duration()));
    }

    private static String encodeCursor(String address) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(address.getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException(cursor);
        }
        // A cursor is an address this service encoded; anything else (a typo, a cursor of another list) would
        // silently page from a random point, so it is refused rather than answered with an empty page.
        if (decoded.indexOf('\0') >= 0 || decoded.indexOf('@') <= 0 || !encodeCursor(decoded).equals(cursor)) {
            throw new InvalidCursorException(cursor);
        }
        return decoded;
    }
}
