package dev.suppression.dsn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The bounce messages under {@code src/test/resources/dsn}, as received, and generated ones; shared by the DSN
 * endpoint's tests and the mailbox poller's.
 */
public final class Fixtures {

    private Fixtures() {
    }

    public static byte[] bytes(String name) {
        try (var in = Fixtures.class.getResourceAsStream("/dsn/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture dsn/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    /** An RFC 3464 report, with LF line ends, naming {@code count} failed recipients {@code user<i>@domain}. */
    public static String manyRecipients(String domain, int count) {
        var recipients = IntStream.range(0, count).mapToObj(i -> """
                Final-Recipient: rfc822; user%d@%s
                Action: failed
                Status: 5.1.1
                Remote-MTA: dns; mx.%s
                Diagnostic-Code: smtp; 550 5.1.1 User unknown
                """.formatted(i, domain, domain)).collect(Collectors.joining("\n"));
        return """
                From: MAILER-DAEMON@mail.shop.example
                To: list@shop.example
                Date: %s
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <many-%s@mail.shop.example>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                Undelivered.

                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mail.shop.example

                %s
                --b--
                """.formatted(ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME), UUID.randomUUID(),
                recipients);
    }
}
