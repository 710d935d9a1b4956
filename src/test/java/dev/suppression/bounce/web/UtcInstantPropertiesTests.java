package dev.suppression.bounce.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The fast reader of {@code occurredAt} agrees with the full RFC 3339 parser: it reads every UTC timestamp the
 * same, and for anything else either agrees or steps aside (null) so that the full parser decides.
 */
class UtcInstantPropertiesTests {

    @Property(tries = 3000)
    void everyUtcTimestampReadsAsTheFullParserReadsIt(
            @ForAll @LongRange(min = -62_135_596_800L, max = 253_402_300_799L) long seconds,
            @ForAll @IntRange(min = 0, max = 999_999_999) int nanos,
            @ForAll @IntRange(min = 0, max = 9) int fractionDigits) {
        var base = Instant.ofEpochSecond(seconds).toString().replace("Z", "");
        var fraction = fractionDigits == 0 ? "" : "." + String.format("%09d", nanos).substring(0, fractionDigits);
        var text = base + fraction + "Z";

        assertThat(GenericBounceReader.utcInstant(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @Property(tries = 3000)
    void anythingElseIsLeftToTheFullParserOrReadTheSame(@ForAll("timestampLike") String text) {
        var fast = GenericBounceReader.utcInstant(text);
        if (fast == null) {
            return;
        }
        Instant full;
        try {
            full = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new AssertionError("the fast reader accepted '" + text + "', which RFC 3339 parsing refuses", e);
        }
        assertThat(fast).isEqualTo(full);
    }

    @Provide
    Arbitrary<String> timestampLike() {
        var digits = Arbitraries.strings().withChars("0123456789").ofLength(2);
        return Arbitraries.of("2026-11-23T10:15:00Z", "2024-02-29T23:59:59.5Z", "2023-02-29T00:00:00Z",
                        "2026-13-01T00:00:00Z", "2026-11-23T24:00:00Z", "2026-11-23T10:15:60Z", "2026-11-23 10:15:00Z",
                        "2026-11-23T10:15:00.Z", "2026-11-23T10:15:00.1234567890Z", "+2026-11-23T10:15:00Z",
                        "2026-11-23T10:15:00+01:00", "2026-1l-23T10:15:00Z")
                .flatMap(template -> digits.map(d -> template.length() > 6
                        ? template.substring(0, 5) + d + template.substring(7) : template))
                .injectDuplicates(0.1);
    }
}
