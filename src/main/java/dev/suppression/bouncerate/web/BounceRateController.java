package dev.suppression.bouncerate.web;

import dev.suppression.bouncerate.BounceRates;
import dev.suppression.bouncerate.RateDimension;
import dev.suppression.bouncerate.RateRow;
import dev.suppression.bouncerate.SendCounts;
import dev.suppression.web.BadRequestException;
import dev.suppression.web.PayloadTooLargeException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Send counts in, bounce rates out. */
@RestController
class BounceRateController {

    static final int MAX_SENDS = 1000;
    static final Duration MAX_WINDOW = Duration.ofDays(31);

    private final SendCounts sendCounts;
    private final BounceRates rates;

    BounceRateController(SendCounts sendCounts, BounceRates rates) {
        this.sendCounts = sendCounts;
        this.rates = rates;
    }

    @PostMapping(path = "/sends", consumes = MediaType.APPLICATION_JSON_VALUE)
    SendCounts.Outcome sends(@RequestBody JsonNode body) {
        var sends = body.isObject() ? body.get("sends") : null;
        if (sends == null || !sends.isArray()) {
            throw new BadRequestException("Send {\"sends\": [{\"stream\": \"marketing\", \"listSource\": \"spring-fair\","
                    + " \"count\": 1200}, ...]}; 'at' (ISO-8601) and 'recipientDomain' are optional.");
        }
        if (sends.size() > MAX_SENDS) {
            throw new PayloadTooLargeException("POST /sends takes at most " + MAX_SENDS + " items; this one has "
                    + sends.size() + ". Split it, or add up the counts per minute first.");
        }
        return sendCounts.record(sends.valueStream().toList());
    }

    @GetMapping("/stats/bounce-rates")
    RatesResponse bounceRates(@RequestParam(defaultValue = "stream") String by,
                              @RequestParam(defaultValue = "24h") String window) {
        var dimension = RateDimension.fromWire(by).orElseThrow(() -> new BadRequestException(
                "'by' must be stream, listSource or recipientDomain, not '" + shorten(by) + "'."));
        var report = rates.over(dimension, window(window));
        var t = report.thresholds();
        return new RatesResponse(dimension.wireName(), report.window().toString(), report.since(), t.minimumVolume(),
                new Thresholds(t.warnHardBounceRate(), t.criticalHardBounceRate(), t.warnComplaintRate(),
                        t.criticalComplaintRate()), report.rows());
    }

    /** {@code 30m}, {@code 24h}, {@code 7d}, or an ISO-8601 duration; positive and at most 31 days. */
    static Duration window(String text) {
        var value = text.strip().toLowerCase(Locale.ROOT);
        Duration window;
        try {
            if (value.matches("\\d{1,6}[mhd]")) {
                long amount = Long.parseLong(value.substring(0, value.length() - 1));
                window = switch (value.charAt(value.length() - 1)) {
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> Duration.ofDays(amount);
                };
            } else {
                window = Duration.parse(value.toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new BadRequestException("'window' must be like 30m, 24h or 7d (or an ISO-8601 duration such as "
                    + "PT36H), not '" + shorten(text) + "'.");
        }
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
            throw new BadRequestException("'window' must be positive and at most 31d, not '" + shorten(text) + "'.");
        }
        return window;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    record Thresholds(double warnHardBounceRate, double criticalHardBounceRate, double warnComplaintRate,
                      double criticalComplaintRate) { }

    record RatesResponse(String by, String window, Instant since, long minimumVolume, Thresholds thresholds,
                         List<RateRow> rows) { }
}
