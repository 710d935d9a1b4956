package dev.suppression.dsn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.bounce.Origin;
import dev.suppression.bounce.Submission;
import dev.suppression.classification.SmtpStage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DsnSubmissionsTests {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
    private static final Duration SKEW = Duration.ofHours(1);

    @Test
    void eachFailedRecipientBecomesABounceReportFromTheDsnSource() {
        var message = message("<orig@sender.example>", "<bounce@mta.example>",
                failed("Jane@Example.org", "5.1.1", 550, "550 5.1.1 user unknown", "mx.example.org", "mta.example",
                        Instant.parse("2026-11-23T10:00:00Z")));

        var submission = (Submission.Valid) DsnSubmissions.of(message, "raw message", NOW, SKEW).getFirst();

        var report = submission.report();
        assertThat(report.recipient().value()).isEqualTo("jane@example.org");
        assertThat(report.smtpCode()).isEqualTo(550);
        assertThat(report.enhancedCode()).isEqualTo("5.1.1");
        assertThat(report.diagnostic()).isEqualTo("550 5.1.1 user unknown");
        assertThat(report.occurredAt()).isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
        assertThat(report.eventId()).isEqualTo("dsn:<orig@sender.example>:jane@example.org:5.1.1");
        assertThat(report.messageId()).isEqualTo("<orig@sender.example>");
        assertThat(report.remoteMta()).isEqualTo("mx.example.org");
        assertThat(report.reportingMta()).isEqualTo("mta.example");
        assertThat(report.stage()).isEqualTo(SmtpStage.UNKNOWN);
        assertThat(report.source()).isEqualTo("dsn");
        assertThat(report.origin()).isEqualTo(Origin.RECIPIENT);
        assertThat(submission.raw()).isEqualTo("raw message");
    }

    @Test
    void withoutTheOriginalMessageIdTheBouncesOwnIdentifiesIt() {
        var message = message(null, "<bounce@mta.example>", failed("jane@example.org", "5.1.1", null, null, null, null, null));

        var report = ((Submission.Valid) DsnSubmissions.of(message, "raw", NOW, SKEW).getFirst()).report();

        assertThat(report.eventId()).isEqualTo("dsn:<bounce@mta.example>:jane@example.org");
        assertThat(report.messageId()).isNull();
    }

    @Test
    void withoutAnyMessageIdTheMessageItselfIdentifiesIt() {
        var message = message(null, null, failed("jane@example.org", "5.1.1", null, null, null, null, null));

        var first = ((Submission.Valid) DsnSubmissions.of(message, "raw", NOW, SKEW).getFirst()).report().eventId();
        var again = ((Submission.Valid) DsnSubmissions.of(message, "raw", NOW, SKEW).getFirst()).report().eventId();

        assertThat(first).startsWith("dsn:sha256-").endsWith(":jane@example.org").isEqualTo(again);
    }

    @Test
    void anIdTooLongForTheColumnIsDigested() {
        var longId = "<" + "x".repeat(400) + "@sender.example>";
        var message = message(longId, null, failed("jane@example.org", "5.1.1", null, null, null, null, null));

        var eventId = ((Submission.Valid) DsnSubmissions.of(message, "raw", NOW, SKEW).getFirst()).report().eventId();

        assertThat(eventId).startsWith("dsn:sha256-").hasSizeLessThanOrEqualTo(255);
    }

    @Test
    void theReportingMtaStandsInWhenTheRejectingHostIsUnknown() {
        var message = message("<o@s>", null, failed("jane@example.org", "5.1.2", null, null, null, "mta.example", null));

        var report = ((Submission.Valid) DsnSubmissions.of(message, "raw", NOW, SKEW).getFirst()).report();

        assertThat(report.reportingMta()).isEqualTo("mta.example");
    }

    @Test
    void aBounceTimeInTheFutureIsReplacedByTheTimeItArrived() {
        var message = message("<o@s>", null,
                failed("jane@example.org", "5.1.1", null, null, null, null, NOW.plus(Duration.ofDays(2))));

        var report = ((Submission.Valid) DsnSubmissions.of(message, "raw", NOW, SKEW).getFirst()).report();

        assertThat(report.occurredAt()).isEqualTo(NOW);
    }

    @Test
    void aBounceWithoutItsOwnTimeTakesTheMessageDate() {
        var message = new BounceMessage(BounceFormat.QMAIL,
                List.of(failed("jane@example.org", "5.1.1", null, null, null, null, null)), "<o@s>", null,
                Instant.parse("2026-11-23T08:31:09Z"));

        var report = ((Submission.Valid) DsnSubmissions.of(message, "raw", NOW, SKEW).getFirst()).report();

        assertThat(report.occurredAt()).isEqualTo(Instant.parse("2026-11-23T08:31:09Z"));
    }

    @Test
    void aRecipientThatIsNotAnAddressIsRejectedWithTheReason() {
        var message = message("<o@s>", null, failed("not an address", "5.1.1", null, null, null, null, null));

        var submission = DsnSubmissions.of(message, "raw", NOW, SKEW).getFirst();

        assertThat(submission).isInstanceOfSatisfying(Submission.Invalid.class, invalid -> {
            assertThat(invalid.reason()).startsWith("the bounce names a failed recipient that is not a valid address");
            assertThat(invalid.source()).isEqualTo("dsn");
            assertThat(invalid.eventId()).isEqualTo("dsn:<o@s>:not an address:5.1.1");
        });
    }

    @Test
    void aRecipientWithNothingToClassifyByIsRejected() {
        var message = message("<o@s>", null, failed("jane@example.org", null, null, null, null, null, null));

        var submission = DsnSubmissions.of(message, "raw", NOW, SKEW).getFirst();

        assertThat(submission).isInstanceOfSatisfying(Submission.Invalid.class, invalid ->
                assertThat(invalid.reason()).isEqualTo("the bounce names jane@example.org but gives no status or response to classify it by"));
    }

    @Test
    void theEvidenceIsCappedAndHoldsNoNulCharacters() {
        var raw = "x".repeat(100_000) + "\0";
        var one = message("<o@s>", null, failed("jane@example.org", "5.1.1", null, null, null, null, null));

        var evidence = ((Submission.Valid) DsnSubmissions.of(one, raw, NOW, SKEW).getFirst()).raw();

        assertThat(evidence).hasSize(DsnSubmissions.MAX_EVIDENCE + "…[truncated]".length());
        assertThat(DsnSubmissions.evidence("a\0b", 10)).isEqualTo("ab");
    }

    @Test
    void aMessageWithThousandsOfRecipientsKeepsLessEvidencePerRecipient() {
        var recipients = java.util.stream.IntStream.range(0, 2_000)
                .mapToObj(i -> failed("u" + i + "@example.org", "5.1.1", null, null, null, null, null)).toList();
        var message = new BounceMessage(BounceFormat.DELIVERY_STATUS, recipients, "<o@s>", null, null);

        var submissions = DsnSubmissions.of(message, "x".repeat(500_000), NOW, SKEW);

        assertThat(submissions).hasSize(2_000).allSatisfy(s ->
                assertThat(((Submission.Valid) s).raw()).hasSize(DsnSubmissions.MIN_EVIDENCE + "…[truncated]".length()));
    }

    private static BounceMessage message(@Nullable String original, @Nullable String own, FailedRecipient recipient) {
        return new BounceMessage(BounceFormat.DELIVERY_STATUS, List.of(recipient), original, own, null);
    }

    private static FailedRecipient failed(String recipient, @Nullable String status, @Nullable Integer smtpCode,
                                          @Nullable String diagnostic, @Nullable String remoteMta,
                                          @Nullable String reportingMta, @Nullable Instant lastAttempt) {
        return new FailedRecipient(recipient, null, DeliveryAction.FAILED, status, smtpCode, diagnostic, remoteMta,
                reportingMta, lastAttempt, "Final-Recipient: rfc822; " + recipient);
    }
}
