package dev.suppression.bouncerate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When a stream's or source's rates are a warning and when they are critical ({@code suppression.bounce-rates.*}).
 * The defaults follow the field: above ~2% hard bounces mailbox providers see stale data, Amazon SES reviews an
 * account at 5%; Gmail and Yahoo require complaints under 0.3%.
 *
 * @param warnHardBounceRate     hard bounces / sent from which a row is WARN (0.02 is 2%)
 * @param criticalHardBounceRate hard bounces / sent from which a row is CRITICAL
 * @param warnComplaintRate      complaints / sent from which a row is WARN
 * @param criticalComplaintRate  complaints / sent from which a row is CRITICAL
 * @param minimumVolume          the sends a row needs in its window before it is judged at all
 * @param alertWindow            the window the gauges and the CRITICAL alerts judge over
 * @param checkEvery             how often the gauges are refreshed and the sources judged for alerts
 */
@Validated
@ConfigurationProperties("suppression.bounce-rates")
public record BounceRateSettings(
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.02") double warnHardBounceRate,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.05") double criticalHardBounceRate,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.001") double warnComplaintRate,
        @DecimalMin("0") @DecimalMax("1") @DefaultValue("0.003") double criticalComplaintRate,
        @Min(1) @DefaultValue("500") long minimumVolume,
        @NotNull @DefaultValue("24h") Duration alertWindow,
        @NotNull @DefaultValue("60s") Duration checkEvery) {

    public BounceRateSettings {
        if (warnHardBounceRate > criticalHardBounceRate || warnComplaintRate > criticalComplaintRate) {
            throw new IllegalArgumentException("suppression.bounce-rates: a warn-... rate must not be above its"
                    + " critical-... rate");
        }
        if (alertWindow.isNegative() || alertWindow.isZero()) {
            throw new IllegalArgumentException("suppression.bounce-rates.alert-window must be positive");
        }
    }

    public RateThresholds thresholds() {
        return new RateThresholds(warnHardBounceRate, criticalHardBounceRate, warnComplaintRate, criticalComplaintRate,
                minimumVolume);
    }
}
