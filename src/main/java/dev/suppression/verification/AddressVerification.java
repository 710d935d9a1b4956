package dev.suppression.verification;

import dev.suppression.address.DomainName;
import dev.suppression.address.EmailAddress;
import dev.suppression.address.InvalidAddressException;
import dev.suppression.dns.MailExchanger;
import dev.suppression.dns.MailRoute;
import dev.suppression.dns.MailRoutes;
import dev.suppression.suppression.BatchCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Verifies a batch of addresses without mailing any: syntax, our own list (one set query, as the batch check),
 * each distinct domain's DNS asked once and concurrently, typo, role, disposable and guessing checks. A
 * malformed address is answered UNDELIVERABLE with the reason, never a failed batch.
 */
@Service
public class AddressVerification {

    private static final Logger log = LoggerFactory.getLogger(AddressVerification.class);

    private final BatchCheck ownList;
    private final MailRoutes mailRoutes;
    private final DisposableDomains disposable;
    private final GuessingGuard guessingGuard;
    private final VerificationSettings settings;

    AddressVerification(BatchCheck ownList, MailRoutes mailRoutes, DisposableDomains disposable,
                        GuessingGuard guessingGuard, VerificationSettings settings) {
        this.ownList = ownList;
        this.mailRoutes = mailRoutes;
        this.disposable = disposable;
        this.guessingGuard = guessingGuard;
        this.settings = settings;
    }

    /**
     * What one request has learnt so far, kept across the chunks of a long list: the routes already looked up (DNS
     * is asked once per domain, whatever the cache holds) and the never-seen addresses met per rejecting domain
     * (so the guessing guard counts the whole list, not each chunk).
     */
    public static final class KnownRoutes {
        private final Map<String, MailRoute> routes = new ConcurrentHashMap<>();
        final Map<String, java.util.Set<String>> neverSeen = new HashMap<>();

        public int domains() {
            return routes.size();
        }
    }

    public List<VerifiedAddress> verify(List<@Nullable String> addresses) {
        return verify(addresses, new KnownRoutes());
    }

    public List<VerifiedAddress> verify(List<@Nullable String> addresses, KnownRoutes known) {
        int n = addresses.size();
        var parsed = new @Nullable EmailAddress[n];
        var problems = new String[n];
        var valid = new ArrayList<EmailAddress>();
        for (int i = 0; i < n; i++) {
            var raw = addresses.get(i);
            try {
                if (raw == null) {
                    throw new InvalidAddressException("the address is null");
                }
                parsed[i] = EmailAddress.parse(raw);
                valid.add(parsed[i]);
            } catch (InvalidAddressException e) {
                problems[i] = e.getMessage();
            }
        }
        var listed = ownList.check(valid.stream().map(EmailAddress::value).map(v -> (@Nullable String) v).toList())
                .stream().collect(Collectors.toMap(BatchCheck.BatchCheckResult::address, BatchCheck.BatchCheckResult::verdict,
                        (a, b) -> a));
        lookUp(valid.stream().map(EmailAddress::domain).collect(Collectors.toCollection(LinkedHashSet::new)), known);
        var guessed = guessingGuard.guessed(valid, known.neverSeen);
        var results = new ArrayList<VerifiedAddress>(n);
        for (int i = 0; i < n; i++) {
            var raw = addresses.get(i) == null ? "" : addresses.get(i);
            var address = parsed[i];
            if (address == null) {
                results.add(VerifiedAddress.of(raw, null, VerificationChecks.malformed(problems[i])));
                continue;
            }
            var route = known.routes.get(address.domain().value());
            var checks = new VerificationChecks(VerificationChecks.Syntax.VALID, null,
                    ownListOf(listed.get(address.value())), DomainCheck.of(route), detail(route),
                    TypoSuggestions.forDomain(address.domain()).map(d -> address.localPart() + "@" + d).orElse(null),
                    RoleAddresses.isRole(address), disposable.isDisposable(address.domain()),
                    guessed.contains(address.value()), VerificationChecks.Unknowable.UNKNOWN,
                    VerificationChecks.Unknowable.UNKNOWN);
            results.add(VerifiedAddress.of(raw, address.value(), checks));
        }
        return results;
    }

    private static VerificationChecks.OwnList ownListOf(@Nullable String verdict) {
        if (verdict == null) {
            return VerificationChecks.OwnList.CLEAR;
        }
        return switch (verdict) {
            case "SUPPRESSED" -> VerificationChecks.OwnList.SUPPRESSED;
            case "DOMAIN_PAUSED" -> VerificationChecks.OwnList.DOMAIN_PAUSED;
            default -> VerificationChecks.OwnList.CLEAR;
        };
    }

    /** Each domain not yet known, at most {@code dns-concurrency} at a time, on virtual threads. */
    private void lookUp(LinkedHashSet<DomainName> domains, KnownRoutes known) {
        var missing = domains.stream().filter(d -> !known.routes.containsKey(d.value())).toList();
        if (missing.isEmpty()) {
            return;
        }
        var permits = new Semaphore(settings.dnsConcurrency());
        var futures = new HashMap<DomainName, Future<MailRoute>>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var domain : missing) {
                futures.put(domain, executor.submit(() -> {
                    permits.acquire();
                    try {
                        return mailRoutes.of(domain);
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (var entry : futures.entrySet()) {
                known.routes.put(entry.getKey().value(), result(entry.getValue()));
            }
        }
    }

    private static MailRoute result(Future<MailRoute> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new MailRoute.Unknown("the lookup was interrupted");
        } catch (ExecutionException e) {
            log.warn("The MX lookup of a verification failed", e.getCause());
            return new MailRoute.Unknown("the lookup failed");
        }
    }

    private static @Nullable String detail(MailRoute route) {
        return switch (route) {
            case MailRoute.Exchangers(var exchangers) -> "MX " + exchangers.stream()
                    .map(MailExchanger::host).collect(Collectors.joining(", "));
            case MailRoute.ImplicitMx(var host) -> "no MX; mail goes to " + host + " itself (RFC 5321 implicit MX)";
            case MailRoute.NullMx() -> "MX 0 . (RFC 7505 null MX)";
            case MailRoute.NoMailHost(var why) -> why;
            case MailRoute.Unknown(var why) -> why;
        };
    }
}
