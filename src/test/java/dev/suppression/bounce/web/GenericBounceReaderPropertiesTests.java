package dev.suppression.bounce.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.fail;

import dev.suppression.address.EmailAddress;
import dev.suppression.bounce.IngestionSettings;
import dev.suppression.bounce.Origin;
import dev.suppression.bounce.Submission;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The generic event reader holds for any JSON (issue 5, "Bad input"): every value, however malformed, becomes
 * a valid report or a refusal with a reason a reporter can act on, never an exception; and whatever it accepts
 * or refuses can be stored as it is (the refusal is kept with its reason in {@code rejected_event}).
 */
class GenericBounceReaderPropertiesTests {

    private static final Instant NOW = Instant.parse("2026-11-23T10:15:00Z");
    private static final Duration MAX_FUTURE_SKEW = Duration.ofHours(1);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> FIELDS = List.of("recipient", "smtpCode", "enhancedCode", "diagnostic",
            "occurredAt", "eventId", "messageId", "reportingMta", "source", "origin");
    /** The column widths of {@code bounce_event} (V1__core.sql), in characters. */
    private static final Map<String, Integer> COLUMN_WIDTHS = Map.of("eventId", 255, "messageId", 998,
            "reportingMta", 255, "source", 100);
    /** PostgreSQL's timestamptz range: 4713 BC to 294276 AD. */
    private static final Instant EARLIEST_STORABLE = Instant.parse("-4712-01-01T00:00:00Z");
    private static final Instant LATEST_STORABLE = Instant.parse("+294276-12-31T23:59:59Z");

    private final GenericBounceReader reader = new GenericBounceReader(Clock.fixed(NOW, ZoneOffset.UTC),
            new IngestionSettings(1000, MAX_FUTURE_SKEW));

    // ---------------------------------------------------------------------------------------------
    // Any JSON: a report or a refusal with a reason, never an exception
    // ---------------------------------------------------------------------------------------------

    @Property(tries = 2000)
    void anyJsonValueIsAReportOrARefusalWithAReason(@ForAll("anyJson") JsonNode value) {
        assertIsReportOrRefusal(value);
    }

    @Property(tries = 2500)
    void anyMutationOfAValidEventIsAReportOrARefusalWithAReason(@ForAll("mutatedEvents") JsonNode event) {
        assertIsReportOrRefusal(event);
    }

    @Property(tries = 1000)
    void generatedValidEventsAreAccepted(@ForAll("validEvents") ObjectNode event) {
        var submission = reader.read(event);

        assertThat(submission).isInstanceOf(Submission.Valid.class);
        var report = ((Submission.Valid) submission).report();
        assertThat(report.recipient()).isEqualTo(EmailAddress.parse(event.get("recipient").stringValue()));
        assertThat(report.recipient().value()).isEqualTo(report.recipient().value().toLowerCase(Locale.ROOT));
        assertThat(report.origin()).isEqualTo(event.has("origin") && event.get("origin").stringValue().strip()
                .equalsIgnoreCase("sender") ? Origin.SENDER : Origin.RECIPIENT);
    }

    // ---------------------------------------------------------------------------------------------
    // What the reader lets through can be stored
    // ---------------------------------------------------------------------------------------------

    @Property(tries = 2500)
    void everyAcceptedEventFitsTheStore(@ForAll("mutatedEvents") JsonNode event) {
        if (reader.read(event) instanceof Submission.Valid(var report, var raw)) {
            assertThat(report.occurredAt()).as("occurredAt of %s", raw).isBetween(EARLIEST_STORABLE, LATEST_STORABLE);
            assertFits("eventId", report.eventId(), raw);
            assertFits("messageId", report.messageId(), raw);
            assertFits("reportingMta", report.reportingMta(), raw);
            assertFits("source", report.source(), raw);
            assertStorableText("diagnostic", report.diagnostic(), raw);
            assertStorableText("recipient", report.recipient().value(), raw);
            // An unpaired surrogate has no UTF-8 form: the driver would store '?', which is another address.
            assertThat(StandardCharsets.UTF_8.newEncoder().canEncode(report.recipient().value()))
                    .as("the recipient of %s is well-formed Unicode", raw).isTrue();
        }
    }

    @Property(tries = 2500)
    void everyRefusalCanBeStoredWithItsReason(@ForAll("mutatedEvents") JsonNode event) {
        if (reader.read(event) instanceof Submission.Invalid(var raw, var reason, var eventId, var source)) {
            assertStorableText("the reason", reason, raw);
            assertStorableText("the raw event", raw, raw);
            assertStorableText("source", source, raw);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Timestamps
    // ---------------------------------------------------------------------------------------------

    @Property(tries = 2000)
    void anyRfc3339TimestampWithAnOffsetIsAccepted(@ForAll("pastInstants") Instant at, @ForAll("offsets") ZoneOffset offset,
                                                  @ForAll("fractionDigits") int fractionDigits,
                                                  @ForAll("rfc3339Spellings") Tuple.Tuple3<String, String, Boolean> spelling) {
        var written = rfc3339(at, offset, fractionDigits, spelling.get1(), spelling.get2(), spelling.get3());

        var submission = reader.read(eventAt(written));

        assertThat(submission).as("an event at %s", written).isInstanceOf(Submission.Valid.class);
        assertThat(((Submission.Valid) submission).report().occurredAt())
                .isEqualTo(at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusNanos(truncatedNanos(at, fractionDigits)));
    }

    @Property(tries = 1000)
    void timestampsWithinTheClockSkewAreAccepted(@ForAll("skews") Duration ahead, @ForAll("offsets") ZoneOffset offset) {
        var at = NOW.plus(ahead);

        var submission = reader.read(eventAt(rfc3339(at, offset, 0, "T", "Z", false)));

        assertThat(submission).isInstanceOf(Submission.Valid.class);
    }

    @Property(tries = 1000)
    void timestampsInTheFarFutureAreRefusedWithAReason(@ForAll("farFuture") Instant at, @ForAll("offsets") ZoneOffset offset) {
        var submission = reader.read(eventAt(rfc3339(at, offset, 3, "T", "Z", false)));

        assertThat(submission).isInstanceOf(Submission.Invalid.class);
        assertThat(((Submission.Invalid) submission).reason()).contains("'occurredAt'").contains("future");
    }

    @Property(tries = 1000)
    void timestampsWithoutAnOffsetAreRefusedWithAReason(@ForAll("pastInstants") Instant at,
                                                       @ForAll("fractionDigits") int fractionDigits,
                                                       @ForAll("dateTimeSeparators") String separator) {
        var local = rfc3339(at, ZoneOffset.UTC, fractionDigits, separator, "Z", false);
        var withoutOffset = local.substring(0, local.length() - 1);

        var submission = reader.read(eventAt(withoutOffset));

        assertThat(submission).as("an event at %s", withoutOffset).isInstanceOf(Submission.Invalid.class);
        assertThat(((Submission.Invalid) submission).reason()).contains("'occurredAt'").contains("offset");
    }

    @Property(tries = 3000)
    void anyOccurredAtIsAcceptedOrRefusedWithAReasonNamingIt(@ForAll("timestampShaped") JsonNode occurredAt) {
        var event = validEvent("jane@example.org");
        event.set("occurredAt", occurredAt);

        var submission = reader.read(event);

        if (submission instanceof Submission.Invalid invalid) {
            assertThat(invalid.reason()).contains("'occurredAt'");
        } else {
            assertThat(((Submission.Valid) submission).report().occurredAt()).isBeforeOrEqualTo(NOW.plus(MAX_FUTURE_SKEW));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Generators
    // ---------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<JsonNode> anyJson() {
        return json(3);
    }

    private Arbitrary<JsonNode> json(int depth) {
        if (depth == 0) {
            return leaves();
        }
        var arrays = Arbitraries.lazy(() -> json(depth - 1)).list().ofMaxSize(4).map(items -> {
            var array = NODES.arrayNode();
            items.forEach(array::add);
            return (JsonNode) array;
        });
        var member = Combinators.combine(Arbitraries.oneOf(Arbitraries.of(FIELDS), strings()),
                Arbitraries.lazy(() -> json(depth - 1))).as(Map::entry);
        var objects = member.list().ofMaxSize(6).map(members -> {
            var object = NODES.objectNode();
            members.forEach(m -> object.set(m.getKey(), m.getValue()));
            return (JsonNode) object;
        });
        return Arbitraries.frequencyOf(Tuple.of(5, leaves()), Tuple.of(1, arrays), Tuple.of(2, objects));
    }

    private Arbitrary<JsonNode> leaves() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(NODES.nullNode())),
                Tuple.of(1, Arbitraries.of(true, false).map(NODES::booleanNode)),
                Tuple.of(3, numbers()),
                Tuple.of(6, strings().map(NODES::stringNode)));
    }

    private Arbitrary<JsonNode> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.integers().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.of(0, -1, 200, 250, 299, 300, 399, 421, 450, 550, 553, 599, 600, 999, 1000, 5501)
                        .map(NODES::numberNode),
                Arbitraries.of(550.0, 550.5, -0.0, 5.11, 1e308, -1e308, Double.MIN_VALUE).map(NODES::numberNode),
                Arbitraries.bigIntegers().between(BigInteger.TEN.pow(18), BigInteger.TEN.pow(400)).map(NODES::numberNode),
                Arbitraries.integers().between(1, 999).map(n -> NODES.numberNode(BigInteger.TEN.pow(n))),
                Arbitraries.of("1e400", "-1e400", "550.000000000000000000001", "1E-400", "0.0")
                        .map(n -> NODES.numberNode(new BigDecimal(n))));
    }

    /** Any text: controls, NUL, unpaired surrogates, the lengths around each column limit, and huge strings. */
    private Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().withCharRange('\u0000', '\uffff').ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(2, Arbitraries.of("", " ", "\t\n", "\u0000", "a\u0000b", "\ud800", "\udfff", "null", "550",
                        " 550 ", "5.1.1", "5.7.1", "sender", " SENDER ", "recipient", "jane@example.org",
                        "\"jane\"@example.org", "2026-11-23T10:00:00Z", "2026-11-23T10:00:00", "{}", "[]",
                        "org.postgresql.util.PSQLException")),
                Tuple.of(1, Arbitraries.of(99, 100, 101, 254, 255, 256, 997, 998, 999, 9_999, 10_000, 10_001, 100_000)
                        .map(n -> "x".repeat(n))),
                Tuple.of(1, Arbitraries.of(99, 100, 101, 254, 255, 256).map(n -> "é".repeat(n))));
    }

    @Provide
    Arbitrary<ObjectNode> validEvents() {
        var codes = Arbitraries.of(
                Tuple.of(550, "5.1.1", "550 5.1.1 <x>: Recipient address rejected: User unknown"),
                Tuple.of(552, "5.2.2", "552 5.2.2 Mailbox full"),
                Tuple.of(554, "5.7.1", "554 5.7.1 Blocked using zen.spamhaus.org"),
                Tuple.of(451, "4.3.0", "451 4.3.0 Temporary local problem"),
                Tuple.of(550, "5.1.2", "550 5.1.2 Host unknown"));
        var locals = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyzABC0123456789.+_-").ofMinLength(1)
                .ofMaxLength(20).filter(l -> !l.startsWith(".") && !l.endsWith(".") && !l.contains(".."));
        var domains = Arbitraries.of("example.org", "Example.COM", "bücher.de", "mail.example.co.uk");
        var present = Arbitraries.integers().between(1, 7);
        return Combinators.combine(locals, domains, codes, present, pastInstants(), Arbitraries.of("recipient", "sender",
                        " Sender ")).as((local, domain, code, mask, at, origin) -> {
                    var event = validEvent(local + "@" + domain);
                    if ((mask & 1) == 0) {
                        event.remove("smtpCode");
                    }
                    if ((mask & 2) == 0) {
                        event.remove("enhancedCode");
                    }
                    if ((mask & 4) == 0) {
                        event.remove("diagnostic");
                    }
                    if (event.has("smtpCode")) {
                        event.put("smtpCode", code.get1());
                    }
                    if (event.has("enhancedCode")) {
                        event.put("enhancedCode", code.get2());
                    }
                    if (event.has("diagnostic")) {
                        event.put("diagnostic", code.get3());
                    }
                    event.put("occurredAt", rfc3339(at, ZoneOffset.UTC, 3, "T", "Z", false));
                    event.put("origin", origin);
                    return event;
                });
    }

    /** A valid event with one to four fields dropped or replaced by values of any type. */
    @Provide
    Arbitrary<JsonNode> mutatedEvents() {
        var replacement = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(Optional.<JsonNode>empty())),
                Tuple.of(4, leaves().map(Optional::of)),
                Tuple.of(2, timestampShaped().map(Optional::of)),
                Tuple.of(1, json(2).map(Optional::of)));
        var mutation = Combinators.combine(Arbitraries.oneOf(Arbitraries.of(FIELDS), Arbitraries.of("extra", "")),
                replacement).as(Map::entry);
        return Combinators.combine(validEvents(), mutation.list().ofMinSize(1).ofMaxSize(4)).as((event, mutations) -> {
            var mutated = event.deepCopy();
            for (var m : mutations) {
                m.getValue().ifPresentOrElse(v -> mutated.set(m.getKey(), v), () -> mutated.remove(m.getKey()));
            }
            return (JsonNode) mutated;
        });
    }

    /** occurredAt values: real timestamps in many spellings, near-misses, out-of-range fields, and non-strings. */
    @Provide
    Arbitrary<JsonNode> timestampShaped() {
        var years = Arbitraries.of("2026", "1970", "0000", "0001", "9999", "-0001", "+10000", "-4713", "-4714",
                "-999999", "+294277", "-999999999", "+999999999", "26", "20260");
        var months = Arbitraries.of("01", "1", "00", "12", "13", "99");
        var days = Arbitraries.of("01", "28", "29", "30", "31", "32", "00");
        var times = Arbitraries.of("10:15:00", "10:15", "23:59:59", "23:59:60", "24:00:00", "00:00:00.123456789",
                "00:00:00.1234567891", "10:15:00,5", "1:2:3", "");
        var separators = Arbitraries.of("T", "t", " ", "", "_");
        var zones = Arbitraries.of("Z", "z", "+00:00", "-00:00", "+01:00", "+18:00", "-18:00", "+18:01", "+23:59",
                "+0100", "+01", "", " UTC", "[Europe/Berlin]", "+01:00[Europe/Berlin]");
        var composed = Combinators.combine(years, months, days, separators, times, zones)
                .as((y, mo, d, sep, t, z) -> y + "-" + mo + "-" + d + sep + t + z);
        return Arbitraries.frequencyOf(
                Tuple.of(6, composed.map(NODES::stringNode)),
                Tuple.of(1, strings().map(NODES::stringNode)),
                Tuple.of(1, numbers()),
                Tuple.of(1, Arbitraries.of(NODES.nullNode(), NODES.booleanNode(true), NODES.arrayNode(), NODES.objectNode())));
    }

    @Provide
    Arbitrary<Instant> pastInstants() {
        return Arbitraries.longs().between(Instant.parse("0001-01-01T00:00:00Z").getEpochSecond(), NOW.getEpochSecond())
                .flatMap(seconds -> Arbitraries.integers().between(0, 999_999_999)
                        .map(nanos -> Instant.ofEpochSecond(seconds, nanos)));
    }

    @Provide
    Arbitrary<Instant> farFuture() {
        return Arbitraries.longs().between(NOW.plus(MAX_FUTURE_SKEW).getEpochSecond() + 1,
                Instant.parse("9999-12-31T23:59:59Z").getEpochSecond()).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Duration> skews() {
        return Arbitraries.longs().between(-MAX_FUTURE_SKEW.toSeconds(), MAX_FUTURE_SKEW.toSeconds()).map(Duration::ofSeconds);
    }

    @Provide
    Arbitrary<ZoneOffset> offsets() {
        return Arbitraries.integers().between(-18 * 60, 18 * 60).map(minutes -> ZoneOffset.ofTotalSeconds(minutes * 60));
    }

    @Provide
    Arbitrary<Integer> fractionDigits() {
        return Arbitraries.integers().between(0, 9);
    }

    @Provide
    Arbitrary<String> dateTimeSeparators() {
        return Arbitraries.of("T", "t", " ");
    }

    /** RFC 3339 lets 'T' and 'Z' be lower case (5.6), and a space separate date and time (the note in 5.6). */
    @Provide
    Arbitrary<Tuple.Tuple3<String, String, Boolean>> rfc3339Spellings() {
        return Combinators.combine(dateTimeSeparators(), Arbitraries.of("Z", "z"), Arbitraries.of(true, false))
                .as(Tuple::of);
    }

    // ---------------------------------------------------------------------------------------------

    private void assertIsReportOrRefusal(JsonNode value) {
        assertThatCode(() -> reader.read(value)).as("reading %s", value).doesNotThrowAnyException();
        var submission = reader.read(value);
        switch (submission) {
            case Submission.Valid(var report, var raw) -> {
                assertThat(value.isObject()).isTrue();
                assertThat(raw).isEqualTo(value.toString());
                assertThat(report.smtpCode() != null || report.enhancedCode() != null || report.diagnostic() != null)
                        .isTrue();
                assertThat(report.occurredAt()).isBeforeOrEqualTo(NOW.plus(MAX_FUTURE_SKEW));
            }
            case Submission.Invalid(var raw, var reason, var eventId, var source) -> {
                assertThat(raw).isEqualTo(value.toString());
                assertThat(reason).as("the reason %s was refused", value).isNotBlank();
            }
            default -> fail("the generic format has only bounces, so reading %s gave neither a report nor a refusal: %s",
                    value, submission);
        }
        assertThat(reader.read(value)).as("reading %s twice", value).isEqualTo(submission);
    }

    private static void assertFits(String field, @Nullable String value, String raw) {
        if (value != null) {
            assertThat(value.codePointCount(0, value.length())).as("the length of %s in %s", field, raw)
                    .isLessThanOrEqualTo(COLUMN_WIDTHS.get(field));
            assertStorableText(field, value, raw);
        }
    }

    /** PostgreSQL text cannot hold NUL (U+0000): an insert of it fails, and with it the whole batch. */
    private static void assertStorableText(String what, @Nullable String value, String raw) {
        if (value != null) {
            assertThat(value).as("%s of %s", what, raw).doesNotContain("\u0000");
        }
    }

    private static ObjectNode validEvent(String recipient) {
        var event = NODES.objectNode();
        event.put("recipient", recipient);
        event.put("smtpCode", 550);
        event.put("enhancedCode", "5.1.1");
        event.put("diagnostic", "550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown");
        event.put("occurredAt", "2026-11-23T09:00:00Z");
        event.put("eventId", "evt-1");
        event.put("messageId", "<m-1@sender.example>");
        event.put("reportingMta", "mx1.recipient.example");
        event.put("source", "fuzz");
        event.put("origin", "recipient");
        return event;
    }

    private static ObjectNode eventAt(String occurredAt) {
        var event = validEvent("jane@example.org");
        event.put("occurredAt", occurredAt);
        return event;
    }

    private static String rfc3339(Instant at, ZoneOffset offset, int fractionDigits, String separator, String zulu,
                                  boolean lowerCase) {
        var local = LocalDateTime.ofInstant(at, offset);
        var pattern = "uuuu-MM-dd'" + separator + "'HH:mm:ss" + (fractionDigits > 0 ? "." + "S".repeat(fractionDigits) : "");
        var text = DateTimeFormatter.ofPattern(pattern, Locale.ROOT).format(local)
                + (offset.getTotalSeconds() == 0 ? zulu : offset.getId());
        return lowerCase ? text.toLowerCase(Locale.ROOT) : text;
    }

    private static long truncatedNanos(Instant at, int fractionDigits) {
        long unit = (long) Math.pow(10, 9 - fractionDigits);
        return at.getNano() / unit * unit;
    }
}
