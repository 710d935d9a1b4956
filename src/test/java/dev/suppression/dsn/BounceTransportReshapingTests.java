package dev.suppression.dsn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.bounce.Submission;
import dev.suppression.classification.BounceClassifier;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bounce fixture, reshaped the ways mail systems reshape messages in transit and storage (see
 * {@link TransportReshaping}), reads into the same failed recipients with the same suppress-or-not, and is never
 * refused; a message that is not a bounce stays one that is not. (LF, CRLF and CR-only line ends of every
 * fixture are compared field by field in {@link LineEndingTests}.)
 */
class BounceTransportReshapingTests {

    private final BounceMessageParser parser = new BounceMessageParser();
    private final BounceClassifier classifier = new BounceClassifier();

    @TestFactory
    Stream<DynamicContainer> aBounceReadsTheSameHoweverItsTransportReshapedIt() throws IOException {
        var fixtures = Files.list(Path.of("src/test/resources/dsn")).filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        return Stream.of(TransportReshaping.values()).map(reshaping -> DynamicContainer.dynamicContainer(reshaping.name(),
                fixtures.stream().flatMap(fixture -> {
                    var raw = read(fixture);
                    var original = outcome(raw.getBytes(StandardCharsets.ISO_8859_1));
                    var reshaped = reshaping.apply(raw.replace("\r\n", "\n"));
                    if (reshaped == null || original.startsWith("unreadable") || namesNoLonger(reshaped, original)) {
                        return Stream.empty();
                    }
                    return Stream.of(DynamicTest.dynamicTest(reshaping + " " + fixture.getFileName(), () ->
                            assertThat(outcome(reshaped.getBytes(StandardCharsets.ISO_8859_1)))
                                    .as("%s reshaped by %s", fixture.getFileName(), reshaping).isEqualTo(original)));
                })));
    }

    /**
     * A bounce that names its recipient only in the returned original cannot name it once the original is gone;
     * such a copy tells nothing about the reader.
     */
    private static boolean namesNoLonger(String reshaped, String original) {
        var lower = reshaped.toLowerCase(java.util.Locale.ROOT);
        return original.lines().map(line -> line.split(" ")[0]).anyMatch(address -> address.contains("@")
                && !lower.contains(address.toLowerCase(java.util.Locale.ROOT)));
    }

    @org.junit.jupiter.api.Test
    void everyReshapingReachesSomeFixture() throws IOException {
        var fixtures = Files.list(Path.of("src/test/resources/dsn")).filter(p -> p.toString().endsWith(".eml"))
                .map(BounceTransportReshapingTests::read).map(text -> text.replace("\r\n", "\n")).toList();

        for (var reshaping : TransportReshaping.values()) {
            assertThat(fixtures.stream().filter(text -> reshaping.apply(text) != null).count()).as(reshaping.name())
                    .isPositive();
        }
    }

    private static String read(Path fixture) {
        try {
            return Files.readString(fixture, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** What matters to the suppression list: each failed recipient and whether it is suppressed, or the refusal. */
    private String outcome(byte[] message) {
        try {
            var bounce = parser.parse(message);
            var submissions = DsnSubmissions.of(bounce, new String(message, StandardCharsets.UTF_8),
                    Instant.parse("2026-11-23T14:00:00Z"), Duration.ofHours(1));
            var lines = new ArrayList<String>();
            for (int i = 0; i < submissions.size(); i++) {
                if (submissions.get(i) instanceof Submission.Valid valid) {
                    var report = valid.report();
                    var diagnosis = classifier.classify(report.smtpCode(), report.enhancedCode(), report.diagnostic());
                    var suppresses = diagnosis.classification().isHardBounce()
                            && bounce.recipients().get(i).stage().concernsTheRecipient();
                    lines.add(report.recipient().value() + (suppresses ? " suppressed" : " kept"));
                } else {
                    lines.add("invalid submission " + submissions.get(i));
                }
            }
            lines.sort(null);
            return String.join("\n", lines);
        } catch (NotABounceException e) {
            return "not a bounce";
        } catch (UnreadableMessageException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
