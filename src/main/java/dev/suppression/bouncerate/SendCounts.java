package dev.suppression.bouncerate;

import dev.suppression.address.DomainName;
import dev.suppression.address.InvalidAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Send counts posted by senders whose provider reports no deliveries ({@code POST /sends}): each item adds its
 * count to its minute, stream, list source and (optional) recipient domain. An item that cannot be read is
 * answered with why; the others are counted.
 */
@Service
public class SendCounts {

    static final long MAX_COUNT = 1_000_000_000L;
    static final Duration MAX_AGE = Duration.ofDays(31);
    static final Duration MAX_FUTURE = Duration.ofMinutes(5);

    private final SendTallies tallies;
    private final Clock clock;

    SendCounts(SendTallies tallies, Clock clock) {
        this.tallies = tallies;
        this.clock = clock;
    }

    public record Rejected(int index, String detail) { }

    public record Outcome(int counted, long sends, List<Rejected> rejected) { }

    @Transactional
    public Outcome record(List<JsonNode> items) {
        var now = clock.instant();
        var accepted = new ArrayList<Tally>();
        var rejected = new ArrayList<Rejected>();
        long sends = 0;
        for (int i = 0; i < items.size(); i++) {
            try {
                var tally = read(items.get(i), now);
                accepted.add(tally);
                sends += tally.sent();
            } catch (IllegalArgumentException e) {
                rejected.add(new Rejected(i, e.getMessage()));
            }
        }
        tallies.add(accepted);
        return new Outcome(accepted.size(), sends, rejected);
    }

    private static Tally read(JsonNode item, Instant now) {
        if (!item.isObject()) {
            throw new IllegalArgumentException("an item must be an object like {\"stream\": \"marketing\", "
                    + "\"listSource\": \"spring-fair\", \"count\": 1200}");
        }
        var count = item.get("count");
        if (count == null || !count.isIntegralNumber() || !count.canConvertToLong() || count.asLong() < 1 || count.asLong() > MAX_COUNT) {
            throw new IllegalArgumentException("'count' must be a whole number from 1 to " + MAX_COUNT);
        }
        var at = at(item.get("at"), now);
        var domain = text(item, "recipientDomain", 253);
        String recipientDomain = null;
        if (domain != null) {
            try {
                recipientDomain = DomainName.parse(domain).value();
            } catch (InvalidAddressException e) {
                throw new IllegalArgumentException("'recipientDomain' is invalid: " + e.getMessage());
            }
        }
        var labels = SendLabels.of(text(item, "stream", SendLabels.MAX_STREAM),
                text(item, "listSource", SendLabels.MAX_LIST_SOURCE));
        return Tally.sent(at, labels, recipientDomain, count.asLong());
    }

    private static Instant at(@Nullable JsonNode node, Instant now) {
        if (node == null || node.isNull()) {
            return now;
        }
        if (!node.isString()) {
            throw new IllegalArgumentException("'at' must be an ISO-8601 time with offset, like 2026-12-03T17:05:00Z");
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(node.stringValue().strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'at' must be an ISO-8601 time with offset, like 2026-12-03T17:05:00Z, "
                    + "not '" + shorten(node.stringValue()) + "'");
        }
        if (at.isAfter(now.plus(MAX_FUTURE)) || at.isBefore(now.minus(MAX_AGE))) {
            throw new IllegalArgumentException("'at' must lie within the last 31 days, not " + at);
        }
        return at;
    }

    private static @Nullable String text(JsonNode item, String field, int max) {
        var node = item.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new IllegalArgumentException("'" + field + "' must be a string");
        }
        if (node.stringValue().length() > max) {
            throw new IllegalArgumentException("'" + field + "' must be at most " + max + " characters");
        }
        return node.stringValue();
    }

    private static String shorten(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
