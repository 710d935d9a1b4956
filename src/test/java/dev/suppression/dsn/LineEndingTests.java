package dev.suppression.dsn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bounce reads the same whatever its line ends: LF (as most mail stores keep it), CRLF (as SMTP carries it)
 * or CR alone (as classic Mac mail stores and some archives keep it).
 */
class LineEndingTests {

    private final BounceMessageParser parser = new BounceMessageParser();

    static Stream<Path> fixtures() throws IOException {
        return Files.list(Path.of("src/test/resources/dsn")).filter(p -> p.toString().endsWith(".eml")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyFixtureReadsTheSameWithLfCrlfOrCrLineEnds(Path fixture) throws IOException {
        var text = Files.readString(fixture, StandardCharsets.ISO_8859_1).replace("\r\n", "\n");

        var lf = read(text);
        var crlf = read(text.replace("\n", "\r\n"));
        var cr = read(text.replace("\n", "\r"));

        assertThat(crlf).isEqualTo(lf);
        assertThat(cr).isEqualTo(lf);
    }

    @Test
    void aMessageWithLfLineEndsKeepsItsStrayCarriageReturns() {
        var raw = "From: a@b.example\nSubject: x\r y\n\nbody\r\n".getBytes(StandardCharsets.ISO_8859_1);

        assertThat(BounceMessageParser.withLineFeeds(raw)).isSameAs(raw);
    }

    /** What a reader of the bounce gets: its format and each recipient's address, status, code and diagnostic. */
    private String read(String message) {
        try {
            var bounce = parser.parse(message.getBytes(StandardCharsets.ISO_8859_1));
            var summary = new StringBuilder(bounce.layout());
            for (var r : bounce.recipients()) {
                summary.append(" | ").append(r.recipient()).append(' ').append(r.action()).append(' ').append(r.status())
                        .append(' ').append(r.smtpCode()).append(' ').append(r.diagnostic() == null ? null
                                : r.diagnostic().replace("\r", ""));
            }
            return summary.append(" | original ").append(bounce.originalMessageId()).toString();
        } catch (NotABounceException e) {
            return "not a bounce: " + e.getMessage();
        } catch (UnreadableMessageException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
