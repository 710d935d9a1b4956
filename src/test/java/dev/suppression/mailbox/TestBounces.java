package dev.suppression.mailbox;

import dev.suppression.dsn.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.UUID;

/** Bounce messages for the mailbox: the fixtures under {@code src/test/resources/dsn}, made to name a test's own addresses. */
final class TestBounces {

    private TestBounces() {
    }

    /**
     * The Postfix DSN for an unknown user, for {@code address}, with a Message-ID of its own, dated now: the
     * bounce's own date is when it happened, and one from the fixture's day falls outside the cluster window.
     */
    static byte[] userUnknown(String address) {
        var domain = address.substring(address.indexOf('@') + 1);
        var now = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        var text = fixture("postfix-dsn-user-unknown.eml")
                .replace("jane.doe@northwind.example", address)
                .replace("northwind.example", domain)
                .replaceAll("Mon, 23 Nov 2026 09:14:0\\d \\+0100", now)
                .replace("<20261123081407.4FbX2K1kLmz9vBq@mail.shop.example>", "<" + UUID.randomUUID() + "@mail.shop.example>");
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A fixture unchanged. */
    static byte[] bytes(String name) {
        return Fixtures.bytes(name);
    }

    /** An RFC 3464 report naming {@code count} failed recipients at {@code domain}, with CRLF line ends as mail has. */
    static byte[] manyRecipients(String domain, int count) {
        return Fixtures.manyRecipients(domain, count).replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** A bounce for {@code address} whose returned original makes it {@code size} bytes or more. */
    static byte[] huge(String address, int size) {
        var bounce = new String(userUnknown(address), StandardCharsets.UTF_8);
        var line = "x".repeat(76) + "\n";
        var padding = line.repeat(size / line.length() + 1);
        return bounce.replace("our November offers are here.\n", "our November offers are here.\n" + padding)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Binary data with nothing of an Internet message about it. */
    static byte[] binaryGarbage() {
        var bytes = new byte[16 * 1024];
        new Random(11).nextBytes(bytes);
        bytes[0] = 0;
        bytes[1] = 'P';
        bytes[2] = 'K';
        return bytes;
    }

    private static String fixture(String name) {
        return Fixtures.text(name);
    }
}
