package dev.suppression.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;

class DnsCacheTests {

    private final MovableClock clock = new MovableClock();
    private final DnsCache cache = new DnsCache(clock, Duration.ofSeconds(30), Duration.ofHours(1), 100);
    private final DnsCache.Key key = new DnsCache.Key("acme.test.", 15);
    private final DnsAnswer answer = new DnsAnswer(Rcode.NOERROR, List.of());

    @Test
    void anAnswerLivesForItsTtl() {
        cache.put(key, answer, Duration.ofMinutes(5));

        clock.advance(Duration.ofMinutes(4));
        assertThat(cache.get(key)).contains(answer);
        clock.advance(Duration.ofMinutes(1));
        assertThat(cache.get(key)).isEmpty();
    }

    @Test
    void aTtlBelowTheFloorIsKeptForTheFloor() {
        cache.put(key, answer, Duration.ZERO);

        clock.advance(Duration.ofSeconds(29));
        assertThat(cache.get(key)).contains(answer);
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get(key)).isEmpty();
    }

    @Test
    void aTtlAboveTheCeilingIsKeptForTheCeiling() {
        cache.put(key, answer, Duration.ofDays(2));

        clock.advance(Duration.ofMinutes(59));
        assertThat(cache.get(key)).contains(answer);
        clock.advance(Duration.ofMinutes(1));
        assertThat(cache.get(key)).isEmpty();
    }

    @Test
    void aFullCacheMakesRoomInsteadOfGrowing() {
        var small = new DnsCache(clock, Duration.ofSeconds(30), Duration.ofHours(1), 2);
        for (int i = 0; i < 5; i++) {
            small.put(new DnsCache.Key("d" + i + ".test.", 15), answer, Duration.ofMinutes(5));
        }

        assertThat(small.get(new DnsCache.Key("d4.test.", 15))).contains(answer);
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T10:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
