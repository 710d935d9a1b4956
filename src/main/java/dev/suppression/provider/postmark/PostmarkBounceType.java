package dev.suppression.provider.postmark;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Postmark's bounce types, by the {@code Type} name and {@code TypeCode} of its Bounce API, and how each is
 * treated (the table is on {@link PostmarkWebhook}).
 */
enum PostmarkBounceType {

    HARD_BOUNCE("HardBounce", 1, Treatment.HARD, "5.1.1"),
    TRANSIENT("Transient", 2, Treatment.PINNED, "4.0.0"),
    UNSUBSCRIBE("Unsubscribe", 16, Treatment.COUNTED, null),
    SUBSCRIBE("Subscribe", 32, Treatment.COUNTED, null),
    AUTO_RESPONDER("AutoResponder", 64, Treatment.COUNTED, null),
    ADDRESS_CHANGE("AddressChange", 128, Treatment.COUNTED, null),
    DNS_ERROR("DnsError", 256, Treatment.PINNED, "5.4.4"),
    // Postmark: "a receiving mail server rejects the message completely, thinking it is spam"; the address is
    // not deactivated. A spam filter's verdict, not a recipient's complaint.
    SPAM_NOTIFICATION("SpamNotification", 512, Treatment.PINNED, "5.7.1"),
    OPEN_RELAY_TEST("OpenRelayTest", 1024, Treatment.COUNTED, null),
    UNKNOWN("Unknown", 2048, Treatment.RESPONSE_DECIDES, null),
    SOFT_BOUNCE("SoftBounce", 4096, Treatment.PINNED, "4.0.0"),
    VIRUS_NOTIFICATION("VirusNotification", 8192, Treatment.COUNTED, null),
    CHALLENGE_VERIFICATION("ChallengeVerification", 16384, Treatment.COUNTED, null),
    // 5.1.3: bad destination mailbox address syntax (RFC 3463).
    BAD_EMAIL_ADDRESS("BadEmailAddress", 100000, Treatment.HARD, "5.1.3"),
    SPAM_COMPLAINT("SpamComplaint", 100001, Treatment.COMPLAINT, null),
    MANUALLY_DEACTIVATED("ManuallyDeactivated", 100002, Treatment.SENDER, null),
    UNCONFIRMED("Unconfirmed", 100003, Treatment.SENDER, null),
    BLOCKED("Blocked", 100006, Treatment.PINNED, "5.7.1"),
    SMTP_API_ERROR("SMTPApiError", 100007, Treatment.SENDER, null),
    INBOUND_ERROR("InboundError", 100008, Treatment.COUNTED, null),
    DMARC_POLICY("DMARCPolicy", 100009, Treatment.PINNED, "5.7.1"),
    TEMPLATE_RENDERING_FAILED("TemplateRenderingFailed", 100010, Treatment.SENDER, null);

    /** What a bounce of this type becomes. */
    enum Treatment {
        /** Postmark calls it hard: the response decides, and where it is undetermined the type's code stands. */
        HARD,
        /** Postmark calls it something that never suppresses: the type's code decides, whatever the response says. */
        PINNED,
        /** Postmark could not classify it: the response decides, exactly as through {@code POST /bounces}. */
        RESPONSE_DECIDES,
        /** Postmark refused or never attempted the send itself: origin sender, evidence only. */
        SENDER,
        /** A recipient's spam report: suppressed with reason COMPLAINT. */
        COMPLAINT,
        /** Not a bounce at all (an auto-reply, a subscribe request, ...): counted by type. */
        COUNTED
    }

    final String postmarkName;
    final int typeCode;
    final Treatment treatment;
    final @Nullable String enhancedCode;

    PostmarkBounceType(String postmarkName, int typeCode, Treatment treatment, @Nullable String enhancedCode) {
        this.postmarkName = postmarkName;
        this.typeCode = typeCode;
        this.treatment = treatment;
        this.enhancedCode = enhancedCode;
    }

    /**
     * By the {@code Type} name when Postmark gives a known one, else by the {@code TypeCode}: the name wins because
     * Postmark's own spam complaint sample pairs {@code Type: SpamComplaint} with SpamNotification's code 512.
     */
    static Optional<PostmarkBounceType> of(@Nullable String type, @Nullable Integer typeCode) {
        var byName = Arrays.stream(values()).filter(t -> t.postmarkName.equalsIgnoreCase(type == null ? "" : type.strip()))
                .findFirst();
        if (byName.isPresent() || typeCode == null) {
            return byName;
        }
        return Arrays.stream(values()).filter(t -> t.typeCode == typeCode).findFirst();
    }
}
