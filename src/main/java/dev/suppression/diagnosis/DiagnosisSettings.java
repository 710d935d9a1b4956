package dev.suppression.diagnosis;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the diagnosis reads rejections ({@code suppression.diagnosis.*}).
 *
 * @param vendors          extra who-is-who rows, checked before the shipped table ({@code diagnosis/who-is-who.tsv})
 * @param ownHosts         host suffixes of our own MTAs and relays: a rejection they produced is {@code OWN_SIDE}
 * @param mxChangeLookback how long before the first bounce an MX change still counts as a likely cause
 */
@Validated
@ConfigurationProperties("suppression.diagnosis")
public record DiagnosisSettings(
        @NotNull @Valid @DefaultValue({}) List<HostVendor> vendors,
        @NotNull @DefaultValue({}) List<String> ownHosts,
        @NotNull @DefaultValue("14d") Duration mxChangeLookback) {

    public DiagnosisSettings {
        vendors = List.copyOf(vendors);
        ownHosts = List.copyOf(ownHosts);
        if (mxChangeLookback.isNegative()) {
            throw new IllegalArgumentException("suppression.diagnosis.mx-change-lookback must not be negative");
        }
    }
}
