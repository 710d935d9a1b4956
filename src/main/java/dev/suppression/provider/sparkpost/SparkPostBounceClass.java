package dev.suppression.provider.sparkpost;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * SparkPost's bounce classification codes ({@code bounce_class}) and how each is treated (the table is on
 * {@link SparkPostWebhook}).
 */
enum SparkPostBounceClass {

    UNDETERMINED(1, "undetermined", Treatment.RESPONSE_DECIDES, null),
    INVALID_RECIPIENT(10, "invalid_recipient", Treatment.HARD, "5.1.1"),
    SOFT_BOUNCE(20, "soft_bounce", Treatment.PINNED, "4.0.0"),
    DNS_FAILURE(21, "dns_failure", Treatment.PINNED, "5.4.4"),
    MAILBOX_FULL(22, "mailbox_full", Treatment.PINNED, "4.2.2"),
    TOO_LARGE(23, "too_large", Treatment.PINNED, "4.3.4"),
    TIMEOUT(24, "timeout", Treatment.PINNED, "4.4.7"),
    ADMIN_FAILURE(25, "admin_failure", Treatment.SENDER, null),
    SMART_SEND_SUPPRESSION(26, "smart_send_suppression", Treatment.SENDER, null),
    NO_RCPT(30, "generic_bounce_no_rcpt", Treatment.HARD, "5.1.1"),
    GENERIC_BOUNCE(40, "generic_bounce", Treatment.PINNED, "4.0.0"),
    MAIL_BLOCK(50, "mail_block", Treatment.PINNED, "5.7.1"),
    SPAM_BLOCK(51, "spam_block", Treatment.PINNED, "5.7.1"),
    SPAM_CONTENT(52, "spam_content", Treatment.PINNED, "5.7.1"),
    PROHIBITED_ATTACHMENT(53, "prohibited_attachment", Treatment.PINNED, "5.7.1"),
    RELAYING_DENIED(54, "relaying_denied", Treatment.PINNED, "5.7.1"),
    AUTO_REPLY(60, "auto_reply", Treatment.COUNTED, null),
    TRANSIENT_FAILURE(70, "transient_failure", Treatment.PINNED, "4.0.0"),
    SUBSCRIBE(80, "subscribe", Treatment.COUNTED, null),
    UNSUBSCRIBE(90, "unsubscribe", Treatment.COUNTED, null),
    CHALLENGE_RESPONSE(100, "challenge_response", Treatment.COUNTED, null);

    /** What a bounce of this class becomes. */
    enum Treatment {
        /** SparkPost calls it hard: the response decides, and where it is undetermined the class's code stands. */
        HARD,
        /** SparkPost calls it soft or a block: the class's code decides, whatever the response says. */
        PINNED,
        /** SparkPost could not classify it: the response decides, exactly as through {@code POST /bounces}. */
        RESPONSE_DECIDES,
        /** SparkPost's own policy (its suppression list) failed it without a delivery attempt: evidence only. */
        SENDER,
        /** Not a bounce of the address (an auto-reply, a subscribe request, ...): counted by name. */
        COUNTED
    }

    final int code;
    final String label;
    final Treatment treatment;
    final @Nullable String enhancedCode;

    SparkPostBounceClass(int code, String label, Treatment treatment, @Nullable String enhancedCode) {
        this.code = code;
        this.label = label;
        this.treatment = treatment;
        this.enhancedCode = enhancedCode;
    }

    static Optional<SparkPostBounceClass> of(@Nullable Integer code) {
        return code == null ? Optional.empty() : Arrays.stream(values()).filter(c -> c.code == code).findFirst();
    }
}
