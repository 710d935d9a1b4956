package dev.suppression.verification;

import dev.suppression.address.EmailAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * "For a guess, don't keep firing at variations; that looks like a dictionary attack." Flags the addresses of a
 * batch that are never-seen local parts (no bounce, no suppression on record) at a domain whose addresses
 * recently bounced as unknown users, when the batch holds at least {@code guessing-at} of them there.
 */
@Repository
class GuessingGuard {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final VerificationSettings settings;

    GuessingGuard(JdbcClient jdbc, Clock clock, VerificationSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /** The normalized addresses to flag, of one request. */
    Set<String> guessed(List<EmailAddress> addresses) {
        return guessed(addresses, new HashMap<>());
    }

    /**
     * The normalized addresses to flag; {@code neverSeenByDomain} holds what earlier chunks of the same list met, and
     * is added to, so the count runs over the whole list.
     */
    Set<String> guessed(List<EmailAddress> addresses, Map<String, Set<String>> neverSeenByDomain) {
        var domains = addresses.stream().map(a -> a.domain().value()).distinct().toArray(String[]::new);
        if (domains.length == 0) {
            return Set.of();
        }
        var since = Timestamp.from(clock.instant().minus(settings.guessingWindow()));
        var rejecting = new HashSet<>(jdbc.sql("""
                select distinct recipient_domain from bounce_event
                where recipient_domain = any(?) and classification = 'USER_UNKNOWN' and origin = 'RECIPIENT'
                  and occurred_at > ?
                """).params(domains, since).query(String.class).list());
        if (rejecting.isEmpty()) {
            return Set.of();
        }
        var candidates = addresses.stream().filter(a -> rejecting.contains(a.domain().value()))
                .map(EmailAddress::value).distinct().toArray(String[]::new);
        var seen = new HashSet<>(jdbc.sql("""
                select recipient from bounce_event where recipient = any(?)
                union
                select address from suppression where address = any(?)
                """).params(candidates, candidates).query(String.class).list());
        var touched = new HashSet<String>();
        for (var candidate : candidates) {
            if (!seen.contains(candidate)) {
                var domain = candidate.substring(candidate.lastIndexOf('@') + 1);
                neverSeenByDomain.computeIfAbsent(domain, d -> new HashSet<>()).add(candidate);
                touched.add(domain);
            }
        }
        var flagged = new HashSet<String>();
        for (var domain : touched) {
            var group = neverSeenByDomain.get(domain);
            if (group.size() >= settings.guessingAt()) {
                flagged.addAll(group);
            }
        }
        return flagged;
    }
}
