package dev.suppression.reliability;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Bounce payloads as ESPs post them to {@code POST /bounces}. */
final class Bounces {

    private Bounces() {
    }

    /** A unique domain, so tests share a database without seeing each other's data. */
    static String uniqueDomain(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    }

    /** "550 5.1.1 user unknown" for one address, with an idempotency key. */
    static String userUnknown(String address, String eventId) {
        return """
                {"recipient": "%s", "smtpCode": 550, "enhancedCode": "5.1.1", "eventId": "%s",
                 "diagnostic": "550 5.1.1 <%s>: Recipient address rejected: User unknown in virtual mailbox table",
                 "reportingMta": "mx1.recipient.example"}""".formatted(address, eventId, address);
    }

    static String batch(List<String> events) {
        return events.stream().collect(Collectors.joining(",\n", "[", "]"));
    }
}
