package dev.suppression.bouncerate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BounceRateRulesTests {

    private final RateThresholds defaults = new RateThresholds(0.02, 0.05, 0.001, 0.003, 500);

    @ParameterizedTest(name = "{0} sent, {1} hard bounces, {2} complaints: {3}")
    @CsvSource({
            "1000, 0, 0, OK", "1000, 19, 0, OK", "1000, 20, 0, WARN", "1000, 49, 0, WARN", "1000, 50, 0, CRITICAL",
            "1000, 0, 1, WARN", "1000, 0, 2, WARN", "1000, 0, 3, CRITICAL", "10000, 150, 9, OK", "10000, 150, 10, WARN",
            "499, 499, 0, LOW_VOLUME", "500, 25, 0, CRITICAL", "0, 0, 0, LOW_VOLUME"})
    void aRowIsJudgedByItsWorseRateOnceItHasTheMinimumVolume(long sent, long hard, long complaints, RateLevel level) {
        assertThat(defaults.judge(sent, hard, complaints)).isEqualTo(level);
    }

    @Test
    void sentIsThePostedSendsOrTheReportedDeliveriesAndHardBouncesWhicheverIsLarger() {
        var fromPosts = RateRow.of("marketing", 1000, 0, 30, 0, defaults);
        var fromDeliveries = RateRow.of("transactional", 0, 970, 30, 0, defaults);

        assertThat(fromPosts.sent()).isEqualTo(1000);
        assertThat(fromPosts.hardBounceRate()).isEqualTo(0.03);
        assertThat(fromPosts.level()).isEqualTo(RateLevel.WARN);
        assertThat(fromDeliveries.sent()).isEqualTo(1000);
        assertThat(fromDeliveries.level()).isEqualTo(RateLevel.WARN);
    }

    @Test
    void aRowWithNothingSentHasNoRate() {
        var row = RateRow.of(null, 0, 0, 0, 0, defaults);

        assertThat(row.hardBounceRate()).isNull();
        assertThat(row.complaintRate()).isNull();
        assertThat(row.level()).isEqualTo(RateLevel.LOW_VOLUME);
    }

    @Test
    void labelsAreTrimmedCutAndBlankMeansUnknown() {
        assertThat(SendLabels.of("  marketing ", " ")).isEqualTo(new SendLabels("marketing", null));
        assertThat(SendLabels.of("x".repeat(150), null).stream()).hasSize(SendLabels.MAX_STREAM);
    }
}
