package dev.suppression.postfixpolicy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.classification.Classification;
import dev.suppression.recipientdomain.ClusterLevel;
import dev.suppression.recipientdomain.DomainStatus;
import dev.suppression.suppression.SuppressionDetails;
import dev.suppression.suppression.SuppressionReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyAnswerTests {

    private static final Instant SINCE = Instant.parse("2026-11-02T09:15:00Z");

    @Test
    void aHardBounceIsRefusedWith550And511NamingReasonDateAndTheBounce() {
        var answer = PolicyAnswer.suppressed(suppression("gone@example.com", SuppressionReason.HARD_BOUNCE, 4711L),
                "Gone@Example.com");

        assertThat(answer.action()).isEqualTo(
                "550 5.1.1 <gone@example.com> is suppressed: hard bounce (mailbox does not exist) since 2026-11-02 (ref 4711)");
        assertThat(answer.outcome()).isEqualTo(PolicyAnswer.Outcome.SUPPRESSED);
    }

    @Test
    void aComplaintIsRefusedWith571BecauseItIsPolicyNotABadMailbox() {
        var answer = PolicyAnswer.suppressed(suppression("angry@example.com", SuppressionReason.COMPLAINT, null),
                "angry@example.com");

        assertThat(answer.action()).isEqualTo("550 5.7.1 <angry@example.com> is suppressed: spam complaint since 2026-11-02");
    }

    @Test
    void aManualSuppressionSaysOpsAddedIt() {
        var answer = PolicyAnswer.suppressed(suppression("x@example.com", SuppressionReason.MANUAL, null), "x@example.com");

        assertThat(answer.action()).isEqualTo("550 5.1.1 <x@example.com> is suppressed: added by ops since 2026-11-02");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 60, 64})
    void theReplyPostfixSendsNeverExceeds512OctetsWhateverTheAddressLength(int labels) {
        var domain = "d".repeat(Math.min(labels, 63)) + ".example";
        var local = "ü".repeat(32);
        var address = local + "@" + "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + "." + domain;
        var answer = PolicyAnswer.suppressed(suppression(address, SuppressionReason.HARD_BOUNCE, 99L), address);
        var text = answer.action().substring("550 5.1.1 ".length());

        var postfixLine = "550 5.1.1 <" + address + ">: Recipient address rejected: " + text + "\r\n";

        assertThat(postfixLine.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(512);
        assertThat(text).contains("is suppressed: hard bounce");
    }

    @Test
    void aPausedDomainIsDeferredWith471SayingHowManyAddressesBounced() {
        var domain = new DomainStatus("broken.example", ClusterLevel.DOMAIN_PATTERN, true,
                Instant.parse("2026-12-03T08:00:00Z"), false, 7, Instant.parse("2026-12-02T10:00:00Z"));

        var answer = PolicyAnswer.domainPaused(domain, "a@broken.example");

        assertThat(answer.action()).isEqualTo("DEFER_IF_PERMIT 4.7.1 sends to broken.example are paused: 7 of its "
                + "addresses hard-bounced since 2026-12-02; resumed by ops once its routing is confirmed (paused 2026-12-03)");
    }

    @Test
    void cuttingNeverSplitsACharacter() {
        assertThat(PolicyAnswer.cut("aüb", 2)).isEqualTo("a");
        assertThat(PolicyAnswer.cut("aüb", 3)).isEqualTo("aü");
        assertThat(PolicyAnswer.cut("short", 100)).isEqualTo("short");
    }

    private static SuppressionDetails suppression(String address, SuppressionReason reason, Long bounceId) {
        return new SuppressionDetails(address, reason,
                reason == SuppressionReason.HARD_BOUNCE ? Classification.USER_UNKNOWN : null, SINCE,
                null, null, bounceId);
    }
}
