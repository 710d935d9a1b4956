package dev.suppression.bounce.web;

import dev.suppression.address.EmailAddress;
import dev.suppression.address.InvalidAddressException;
import dev.suppression.bounce.BounceReport;
import dev.suppression.bounce.IngestionSettings;
import dev.suppression.bounce.Origin;
import dev.suppression.bounce.StorableTime;
import dev.suppression.bounce.Submission;
import dev.suppression.bouncerate.SendLabels;
import dev.suppression.classification.EnhancedStatusCode;
import dev.suppression.classification.SmtpReplyCode;
import dev.suppression.classification.SmtpStage;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Reads events of the generic JSON format into validated reports, or into the reason they are refused. */
@Component
class GenericBounceReader {

    private static final int MAX_DIAGNOSTIC = 10_000;

    private final Clock clock;
    private final IngestionSettings settings;

    GenericBounceReader(Clock clock, IngestionSettings settings) {
        this.clock = clock;
        this.settings = settings;
    }

    Submission read(JsonNode event) {
        var raw = event.toString();
        if (!event.isObject()) {
            return new Submission.Invalid(raw, "an event must be a JSON object, not " + describe(event));
        }
        var problems = new ArrayList<String>();
        var recipient = recipient(event, problems);
        var smtpCode = smtpCode(event, problems);
        var enhancedCode = enhancedCode(event, problems);
        var diagnostic = text(event, "diagnostic", MAX_DIAGNOSTIC, problems);
        var occurredAt = occurredAt(event, problems);
        var eventId = identifier(event, "eventId", 255, problems);
        var messageId = text(event, "messageId", 998, problems);
        var reportingMta = text(event, "reportingMta", 255, problems);
        var remoteMta = text(event, "remoteMta", 255, problems);
        var stage = stage(event, problems);
        var source = text(event, "source", 100, problems);
        var origin = origin(event, problems);
        var stream = text(event, "stream", SendLabels.MAX_STREAM, problems);
        var listSource = text(event, "listSource", SendLabels.MAX_LIST_SOURCE, problems);
        if (smtpCode == null && enhancedCode == null && diagnostic == null && problems.isEmpty()) {
            problems.add("at least one of 'smtpCode', 'enhancedCode' and 'diagnostic' is required to classify the bounce");
        }
        if (!problems.isEmpty() || recipient == null) {
            return new Submission.Invalid(raw, String.join("; ", problems), eventId, source);
        }
        return new Submission.Valid(new BounceReport(recipient, smtpCode, enhancedCode, diagnostic, occurredAt,
                eventId, messageId, stage, remoteMta, reportingMta, source, origin, SendLabels.of(stream, listSource)), raw);
    }

    private static @Nullable EmailAddress recipient(JsonNode event, List<String> problems) {
        var node = event.get("recipient");
        if (node == null || node.isNull()) {
            problems.add("'recipient' is required");
            return null;
        }
        if (!node.isString()) {
            problems.add("'recipient' must be a string address, not " + describe(node));
            return null;
        }
        try {
            return EmailAddress.parse(node.stringValue());
        } catch (InvalidAddressException e) {
            problems.add("'recipient' is invalid: " + e.getMessage());
            return null;
        }
    }

    private static @Nullable Integer smtpCode(JsonNode event, List<String> problems) {
        var node = event.get("smtpCode");
        if (node == null || node.isNull()) {
            return null;
        }
        Integer value = null;
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            value = node.intValue();
        } else if (node.isString() && node.stringValue().strip().matches("\\d{3}")) {
            value = Integer.parseInt(node.stringValue().strip());
        }
        if (value == null || !SmtpReplyCode.isValid(value)) {
            problems.add("'smtpCode' must be a three-digit SMTP reply code such as 550, not " + describe(node));
            return null;
        }
        return value;
    }

    private static @Nullable String enhancedCode(JsonNode event, List<String> problems) {
        var node = event.get("enhancedCode");
        if (node == null || node.isNull()) {
            return null;
        }
        var parsed = node.isString() ? EnhancedStatusCode.parse(node.stringValue()) : java.util.Optional.<EnhancedStatusCode>empty();
        if (parsed.isEmpty()) {
            problems.add("'enhancedCode' must be an RFC 3463 code such as \"5.1.1\", not " + describe(node));
            return null;
        }
        return parsed.get().toString();
    }

    private Instant occurredAt(JsonNode event, List<String> problems) {
        var now = clock.instant();
        var node = event.get("occurredAt");
        if (node == null || node.isNull()) {
            return now;
        }
        if (!node.isString()) {
            problems.add("'occurredAt' must be an RFC 3339 timestamp string such as \"2026-11-23T10:15:00Z\", not "
                    + describe(node));
            return now;
        }
        try {
            var at = utcInstant(node.stringValue());
            if (at == null) {
                at = OffsetDateTime.parse(node.stringValue().strip().toUpperCase(Locale.ROOT).replace(' ', 'T')).toInstant();
            }
            if (at.isBefore(StorableTime.EARLIEST)) {
                problems.add("'occurredAt' " + node.stringValue() + " is before the year 0001, which PostgreSQL cannot store");
                return now;
            }
            if (at.isAfter(now.plus(settings.maxFutureSkew()))) {
                problems.add("'occurredAt' " + node.stringValue() + " lies in the future; send the time the bounce happened");
            }
            return at;
        } catch (DateTimeParseException e) {
            problems.add("'occurredAt' must be an RFC 3339 timestamp with an offset, such as \"2026-11-23T10:15:00Z\", not "
                    + describe(node));
            return now;
        }
    }

    /**
     * The form nearly every reporter sends, {@code 2026-11-23T10:15:00Z} or with a fraction, read without a
     * formatter (which cost a seventh of ingestion's CPU); null for anything else, which the full RFC 3339
     * parser then reads or refuses with its message.
     */
    static @Nullable Instant utcInstant(String text) {
        int n = text.length();
        if (n < 20 || n > 30 || text.charAt(n - 1) != 'Z' || text.charAt(4) != '-' || text.charAt(7) != '-'
                || text.charAt(10) != 'T' || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int digits = n - 21;
            if (text.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            int fraction = digits(text, 20, n - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        int year = digits(text, 0, 4), month = digits(text, 5, 7), day = digits(text, 8, 10);
        int hour = digits(text, 11, 13), minute = digits(text, 14, 16), second = digits(text, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return java.time.LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(java.time.ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** The decimal number in {@code text[from, to)}, or -1 when a character there is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The stage the reporter names; absent, it is read from the diagnostic (see {@link BounceReport}). */
    private static SmtpStage stage(JsonNode event, List<String> problems) {
        var node = event.get("stage");
        if (node == null || node.isNull()) {
            return SmtpStage.UNKNOWN;
        }
        if (node.isString()) {
            var word = node.stringValue().strip();
            var stage = SmtpStage.named(word);
            if (stage != SmtpStage.UNKNOWN || word.equalsIgnoreCase("unknown")) {
                return stage;
            }
        }
        problems.add("'stage' must be one of CONNECT, HELO, MAIL, RCPT, DATA or UNKNOWN, not " + describe(node));
        return SmtpStage.UNKNOWN;
    }

    private static Origin origin(JsonNode event, List<String> problems) {
        var node = event.get("origin");
        if (node == null || node.isNull()) {
            return Origin.RECIPIENT;
        }
        if (node.isString()) {
            switch (node.stringValue().strip().toLowerCase(Locale.ROOT)) {
                case "recipient" -> {
                    return Origin.RECIPIENT;
                }
                case "sender" -> {
                    return Origin.SENDER;
                }
                default -> { }
            }
        }
        problems.add("'origin' must be \"recipient\" or \"sender\", not " + describe(node));
        return Origin.RECIPIENT;
    }

    private static @Nullable String identifier(JsonNode event, String field, int maxLength, List<String> problems) {
        var node = event.get(field);
        if (node != null && node.isIntegralNumber()) {
            var id = node.asString();
            if (id.length() > maxLength) {
                problems.add("'" + field + "' is longer than " + maxLength + " characters");
                return null;
            }
            return id;
        }
        return text(event, field, maxLength, problems);
    }

    private static @Nullable String text(JsonNode event, String field, int maxLength, List<String> problems) {
        var node = event.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            problems.add("'" + field + "' must be a string, not " + describe(node));
            return null;
        }
        var value = node.stringValue().strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            problems.add("'" + field + "' is longer than " + maxLength + " characters");
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            problems.add("'" + field + "' contains a NUL character");
            return null;
        }
        return value;
    }

    private static String describe(JsonNode node) {
        var text = node.toString();
        var shown = text.length() <= 60 ? text : text.substring(0, 57) + "...";
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            default -> shown;
        };
    }
}
