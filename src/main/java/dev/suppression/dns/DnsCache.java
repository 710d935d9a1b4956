package dev.suppression.dns;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers kept for their TTL, held between a floor and a ceiling. Only answers are kept, never failures: a
 * timeout says nothing about the domain, and the next diagnosis should ask again.
 */
class DnsCache {

    record Key(String name, int type) { }

    private record Entry(DnsAnswer answer, Instant expires) { }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration floor;
    private final Duration ceiling;
    private final int capacity;

    DnsCache(Clock clock, Duration floor, Duration ceiling, int capacity) {
        this.clock = clock;
        this.floor = floor;
        this.ceiling = ceiling;
        this.capacity = capacity;
    }

    Optional<DnsAnswer> get(Key key) {
        var entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expires())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.answer());
    }

    /** Keeps an answer for {@code ttl} held to [floor, ceiling]; a floor of zero and a TTL of zero keep nothing. */
    void put(Key key, DnsAnswer answer, Duration ttl) {
        var kept = ttl.compareTo(floor) < 0 ? floor : ttl.compareTo(ceiling) > 0 ? ceiling : ttl;
        if (kept.isZero()) {
            return;
        }
        if (entries.size() >= capacity) {
            var now = clock.instant();
            entries.values().removeIf(e -> !now.isBefore(e.expires()));
            // Still full of live answers: start over rather than track recency; lookups are rare and cheap.
            if (entries.size() >= capacity) {
                entries.clear();
            }
        }
        entries.put(key, new Entry(answer, clock.instant().plus(kept)));
    }
}
