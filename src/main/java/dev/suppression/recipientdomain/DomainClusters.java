package dev.suppression.recipientdomain;

import dev.suppression.address.DomainName;
import dev.suppression.checkindex.CheckIndex;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The domain-cluster rules: count the distinct hard-bounced addresses at a domain inside the rolling
 * window and after its last resume, and pause the domain when the count reaches {@code DOMAIN_PATTERN}.
 *
 * <p>Every change to a domain's addresses or pause runs under that domain's row lock
 * ({@link #lock(Collection)}), so bounces arriving in parallel on any number of instances count and pause
 * exactly as if they had arrived one by one.
 */
@Service
public class DomainClusters {

    private static final Logger log = LoggerFactory.getLogger(DomainClusters.class);

    private final RecipientDomains domains;
    private final BouncedAddresses bouncedAddresses;
    private final DomainChanges changes;
    private final ClusterSettings settings;
    private final Set<String> exempt;
    private final Clock clock;
    private final Counter pausedCounter;
    private final CheckIndex checkIndex;
    private final DomainRows rows;
    private final ApplicationEventPublisher events;

    DomainClusters(RecipientDomains domains, DomainRows rows, BouncedAddresses bouncedAddresses,
                   DomainChanges changes, ClusterSettings settings, Clock clock, MeterRegistry meters,
                   CheckIndex checkIndex, ApplicationEventPublisher events) {
        this.rows = rows;
        this.events = events;
        this.checkIndex = checkIndex;
        this.domains = domains;
        this.bouncedAddresses = bouncedAddresses;
        this.changes = changes;
        this.settings = settings;
        this.exempt = settings.exemptDomainSet();
        this.clock = clock;
        this.pausedCounter = Counter.builder("suppression.domains.paused")
                .description("Domains paused because their hard bounces reached DOMAIN_PATTERN").register(meters);
    }

    /**
     * Takes the row lock of each domain, in name order so that two transactions locking overlapping
     * sets can never deadlock. Must run inside the caller's transaction.
     *
     * @return the locked domains, each with its pause state as read under the lock
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public LockedDomains lock(Collection<DomainName> names) {
        if (names.isEmpty()) {
            return LockedDomains.NONE;
        }
        Set<String> sorted = new TreeSet<>();
        names.forEach(n -> sorted.add(n.value()));
        var lockOrder = sorted.toArray(String[]::new);
        rows.insertMissing(lockOrder);
        return new LockedDomains(rows.lockInOrder(lockOrder));
    }

    /**
     * Records which addresses of each domain hard-bounced, and when, before the domains are locked: the cluster
     * count is read only under the lock ({@link #recordHardBounces}), and a row another batch has written but not
     * committed is not counted by anyone until it commits, so the counts come out as if the batches ran one
     * after the other. Writing them first keeps the statement out of the time a batch holds its domain locks.
     * It waits only on rows of other batches that are at this same step or later, which never wait on this
     * batch's locks, so it cannot close a cycle with the domain locks. One row per (domain, address): the
     * latest bounce wins, the later one on a tie, as serial upserts do.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordBouncedAddresses(List<DomainBounce> bounces) {
        if (bounces.isEmpty()) {
            return;
        }
        var latest = new LinkedHashMap<String, DomainBounce>();
        for (var bounce : bounces) {
            latest.merge(bounce.domain().value() + "\u0000" + bounce.address(), bounce,
                    (kept, next) -> next.occurredAt().isBefore(kept.occurredAt()) ? kept : next);
        }
        bouncedAddresses.recordAll(List.copyOf(latest.values()));
        // A domain with a hard-bounced address may now answer other than "unseen": the check must ask the database.
        checkIndex.noteDomains(bounces.stream().map(b -> b.domain().value()).distinct().toList());
    }

    /**
     * Counts a batch of hard bounces, already recorded by {@link #recordBouncedAddresses}, at domains this
     * transaction locked with {@link #lock(Collection)}, and pauses each domain that now shows a pattern. The same
     * as counting them one by one: an address only ever enters a window or moves later in it, so a domain's count
     * can only grow through the batch, and it reaches the threshold after the batch if and only if it reached it at
     * some bounce of the batch.
     *
     * @return the status of each domain after the batch, by domain name
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, DomainStatus> recordHardBounces(LockedDomains locked, List<DomainBounce> bounces) {
        if (bounces.isEmpty()) {
            return Map.of();
        }
        var names = bounces.stream().map(b -> b.domain().value()).distinct().sorted().toArray(String[]::new);
        var now = clock.instant();
        var states = new HashMap<String, DomainRows.PauseState>();
        var windowStarts = new HashMap<String, Instant>();
        for (var name : names) {
            var state = locked.state(name);
            if (state == null) {
                throw new IllegalStateException("domain " + name + " must be locked before a bounce is counted");
            }
            states.put(name, state);
            windowStarts.put(name, windowStart(state.resumedAt(), now));
        }
        var counts = bouncedAddresses.countSince(windowStarts);
        var statuses = new HashMap<String, DomainStatus>();
        // The alerts below name the rejecting hosts: the domains that need them are found first and read in one
        // query, and their clusters noted in one update, so the domain locks are not held through a round trip
        // per domain.
        var pausedNow = new HashSet<String>();
        var clusteredNow = new HashSet<String>();
        for (var name : names) {
            long count = counts.getOrDefault(name, 0L);
            var windowStart = windowStarts.get(name);
            var level = ClusterLevel.of(count, settings);
            var isExempt = exempt.contains(name);
            var state = states.get(name);
            var paused = state.paused();
            var pausedAt = state.pausedAt();
            if (level == ClusterLevel.DOMAIN_PATTERN && !isExempt && !paused && rows.pause(name, now)) {
                changes.record(name, "PAUSED", "automatic: " + count + " distinct addresses hard-bounced since "
                        + windowStart, "system", count, now);
                pausedCounter.increment();
                log.warn("Paused domain {}: {} distinct addresses hard-bounced since {}", name, count, windowStart);
                paused = true;
                pausedAt = now;
                pausedNow.add(name);
            }
            // A cluster noted before this window opened (or before the last resume) was an earlier cluster.
            if (level.compareTo(ClusterLevel.SMALL_CLUSTER) >= 0 && !isExempt
                    && (state.clusterNotedAt() == null || state.clusterNotedAt().isBefore(windowStart))) {
                clusteredNow.add(name);
            }
            statuses.put(name, new DomainStatus(name, level, paused, pausedAt, isExempt, count, windowStart));
        }
        if (pausedNow.isEmpty() && clusteredNow.isEmpty()) {
            return statuses;
        }
        rows.noteClusters(clusteredNow.toArray(String[]::new), now);
        var alerted = new HashMap<String, Instant>();
        for (var name : names) {
            if (pausedNow.contains(name) || clusteredNow.contains(name)) {
                alerted.put(name, windowStarts.get(name));
            }
        }
        var hosts = bouncedAddresses.rejectingHostsSince(alerted);
        for (var name : names) {
            var status = statuses.get(name);
            var rejectingHosts = hosts.getOrDefault(name, List.of());
            if (pausedNow.contains(name)) {
                events.publishEvent(new DomainPaused(new DomainName(name), status.distinctAddresses(),
                        status.windowStart(), now, rejectingHosts));
            }
            if (clusteredNow.contains(name)) {
                events.publishEvent(new ClusterFormed(new DomainName(name), status.level(), status.distinctAddresses(),
                        status.windowStart(), now, rejectingHosts));
            }
        }
        return statuses;
    }

    /** The status of a domain with no row: never hard-bounced, never paused. Needs no query. */
    public DomainStatus unseen(DomainName name) {
        return new DomainStatus(name.value(), ClusterLevel.NONE, false, null, isExempt(name), 0,
                clock.instant().minus(settings.window()));
    }

    /** Where the cluster window opens at {@code now} for a domain not resumed since. */
    public Instant windowOpenedAt(Instant now) {
        return now.minus(settings.window());
    }

    /** A domain's status from what the caller read of it: the rules (thresholds, exemptions) apply here. */
    public DomainStatus status(DomainName name, boolean paused, @Nullable Instant pausedAt, long distinctAddresses,
                               Instant windowStart) {
        return new DomainStatus(name.value(), ClusterLevel.of(distinctAddresses, settings), paused, pausedAt,
                isExempt(name), distinctAddresses, windowStart);
    }

    /** A domain's current status; a domain never seen is level {@code NONE}. */
    @Transactional(readOnly = true)
    public DomainStatus status(DomainName name) {
        return status(name, domains.findById(name.value()));
    }

    private DomainStatus status(DomainName name, Optional<RecipientDomain> domain) {
        var now = clock.instant();
        var windowStart = domain.map(d -> windowStart(d, now)).orElseGet(() -> now.minus(settings.window()));
        var count = domain.isPresent() ? bouncedAddresses.countSince(name.value(), windowStart) : 0L;
        return new DomainStatus(name.value(), ClusterLevel.of(count, settings),
                domain.map(RecipientDomain::isPaused).orElse(false),
                domain.map(RecipientDomain::pausedAt).orElse(null), isExempt(name), count, windowStart);
    }

    @Transactional(readOnly = true)
    public DomainView view(DomainName name) {
        var domain = domains.findById(name.value());
        var status = status(name, domain);
        var addresses = status.distinctAddresses() == 0 ? List.<BouncedAddress>of()
                : bouncedAddresses.listSince(name.value(), status.windowStart());
        var resumedAt = domain.map(RecipientDomain::resumedAt).orElse(null);
        return new DomainView(status.domain(), status.level(), status.paused(), status.pausedAt(), resumedAt,
                status.exempt(),
                status.distinctAddresses(), status.windowStart(), status.level().guidance(), addresses);
    }

    @Transactional(readOnly = true)
    public List<DomainStatus> paused() {
        return domains.findByPausedTrueOrderByPausedAtAsc().stream().map(d -> status(d.name())).toList();
    }

    /**
     * The domains ops should look at: every paused domain first, then every domain whose window holds at least
     * a small cluster, the most addresses first; at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<DomainStatus> watchList(int limit) {
        var now = clock.instant();
        return rows.watched(now.minus(settings.window()), settings.smallClusterAt(), limit).stream()
                .map(w -> new DomainStatus(w.domain(), ClusterLevel.of(w.distinctAddresses(), settings), w.paused(),
                        w.pausedAt(), exempt.contains(w.domain()), w.distinctAddresses(),
                        windowStart(w.resumedAt(), now)))
                .toList();
    }

    /** Lifts a pause once ops confirmed the domain's routing; counting starts again from now. */
    @Transactional
    public DomainView resume(DomainName name, String reason, String actor) {
        var domain = domains.lock(name.value()).orElseThrow(() -> new DomainNotPausedException(name));
        var now = clock.instant();
        domain.resume(now);
        changes.record(name.value(), "RESUMED", reason, actor, 0, now);
        log.info("Resumed domain {} by {}: {}", name, actor, reason);
        domains.flush();
        return view(name);
    }

    public boolean isExempt(DomainName name) {
        return exempt.contains(name.value());
    }

    private Instant windowStart(RecipientDomain domain, Instant now) {
        return windowStart(domain.resumedAt(), now);
    }

    private Instant windowStart(@Nullable Instant resumedAt, Instant now) {
        var start = now.minus(settings.window());
        return resumedAt != null && resumedAt.isAfter(start) ? resumedAt : start;
    }
}
