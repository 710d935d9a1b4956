package dev.suppression.verification;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How {@code POST /verify} judges addresses ({@code suppression.verification.*}).
 *
 * @param disposableDomains where the list of disposable domains is read from at start-up, one domain a line,
 *                          {@code #} comments: the shipped list, or {@code file:/path} to a newer copy
 * @param dnsConcurrency    how many domains are looked up at once for one request
 * @param guessingWindow    how far back an unknown-user bounce at a domain makes new local parts there suspect
 * @param guessingAt        how many never-seen local parts at such a domain, in one request, are flagged as guessing
 */
@Validated
@ConfigurationProperties("suppression.verification")
public record VerificationSettings(
        @NotBlank @DefaultValue("classpath:verification/disposable-domains.txt") String disposableDomains,
        @Min(1) @Max(1024) @DefaultValue("64") int dnsConcurrency,
        @NotNull @DefaultValue("7d") Duration guessingWindow,
        @Min(2) @Max(10_000) @DefaultValue("3") int guessingAt) {

    public VerificationSettings {
        if (guessingWindow.isNegative() || guessingWindow.isZero()) {
            throw new IllegalArgumentException("suppression.verification.guessing-window must be positive, not "
                    + guessingWindow);
        }
    }
}
