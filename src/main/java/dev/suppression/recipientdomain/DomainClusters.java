package dev.suppression.recipientdomain;

import dev.suppression.address.DomainName;
import dev.suppression.checkindex.CheckIndex;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    DomainClusters(RecipientDomains domains, BouncedAddresses bouncedAddresses, DomainChanges changes,
                   ClusterSettings settings, Clock clock, MeterRegistry meters, CheckIndex checkIndex) {
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
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(Collection<DomainName> names) {
        Set<String> sorted = new TreeSet<>();
        names.forEach(n -> sorted.add(n.value()));
        var created = new ArrayList<String>();
        for (var name : sorted) {
            if (domains.ensureExists(name) == 1) {
                created.add(name);
            }
            domains.lock(name).orElseThrow();
        }
        if (!created.isEmpty()) {
            checkIndex.noteDomains(created);
        }
    }

    /**
     * Counts a hard bounce at a domain already locked by {@link #lock(Collection)} and pauses the domain
     * if it now shows a pattern. Returns the domain's status after the bounce.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public DomainStatus recordHardBounce(DomainName name, String address, Instant occurredAt,
                                         @Nullable String response, @Nullable String rejectingHost) {
        var domain = domains.lock(name.value()).orElseThrow(
                () -> new IllegalStateException("domain " + name + " must be locked before a bounce is counted"));
        bouncedAddresses.record(name.value(), address, occurredAt, response, rejectingHost);
        var now = clock.instant();
        var windowStart = windowStart(domain, now);
        var count = bouncedAddresses.countSince(name.value(), windowStart);
        var level = ClusterLevel.of(count, settings);
        var isExempt = isExempt(name);
        if (level == ClusterLevel.DOMAIN_PATTERN && !isExempt && domain.pause(now)) {
            changes.record(name.value(), "PAUSED", "automatic: " + count + " distinct addresses hard-bounced since "
                    + windowStart, "system", count, now);
            pausedCounter.increment();
            log.warn("Paused domain {}: {} distinct addresses hard-bounced since {}", name, count, windowStart);
        }
        return new DomainStatus(name.value(), level, domain.isPaused(), domain.pausedAt(), isExempt, count,
                windowStart);
    }

    /** The status of a domain with no row: never hard-bounced, never paused. Needs no query. */
    public DomainStatus unseen(DomainName name) {
        return new DomainStatus(name.value(), ClusterLevel.NONE, false, null, isExempt(name), 0,
                clock.instant().minus(settings.window()));
    }

    /** A domain's current status; a domain never seen is level {@code NONE}. */
    @Transactional(readOnly = true)
    public DomainStatus status(DomainName name) {
        var now = clock.instant();
        var domain = domains.findById(name.value());
        var windowStart = domain.map(d -> windowStart(d, now)).orElseGet(() -> now.minus(settings.window()));
        var count = domain.isPresent() ? bouncedAddresses.countSince(name.value(), windowStart) : 0L;
        return new DomainStatus(name.value(), ClusterLevel.of(count, settings),
                domain.map(RecipientDomain::isPaused).orElse(false),
                domain.map(RecipientDomain::pausedAt).orElse(null), isExempt(name), count, windowStart);
    }

    @Transactional(readOnly = true)
    public DomainView view(DomainName name) {
        var status = status(name);
        var addresses = status.distinctAddresses() == 0 ? List.<BouncedAddress>of()
                : bouncedAddresses.listSince(name.value(), status.windowStart());
        return new DomainView(status.domain(), status.level(), status.paused(), status.pausedAt(), status.exempt(),
                status.distinctAddresses(), status.windowStart(), status.level().guidance(), addresses);
    }

    @Transactional(readOnly = true)
    public List<DomainStatus> paused() {
        return domains.findByPausedTrueOrderByPausedAtAsc().stream().map(d -> status(d.name())).toList();
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
        var start = now.minus(settings.window());
        var resumedAt = domain.resumedAt();
        return resumedAt != null && resumedAt.isAfter(start) ? resumedAt : start;
    }
}
