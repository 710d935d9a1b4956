package dev.suppression.access;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Access control ({@code suppression.security.*}).
 *
 * @param bootstrapAdminKey the first admin key ({@code SUPPRESSION_BOOTSTRAP_ADMIN_KEY}); when unset and no key
 *                          exists, one is generated once and logged with a warning
 * @param publicMetrics     whether {@code /actuator/prometheus} is open; otherwise it needs the ops role
 * @param publicApiDocs     whether {@code /openapi.yaml} is open; otherwise it needs any valid key
 * @param keyCacheTtl       how long an instance trusts a key it looked up; a revoke on this instance takes effect
 *                          at once, on other instances within this time
 */
@Validated
@ConfigurationProperties("suppression.security")
public record AccessSettings(@Nullable String bootstrapAdminKey,
                             @DefaultValue("false") boolean publicMetrics,
                             @DefaultValue("true") boolean publicApiDocs,
                             @NotNull @DefaultValue("5s") Duration keyCacheTtl) {
}
