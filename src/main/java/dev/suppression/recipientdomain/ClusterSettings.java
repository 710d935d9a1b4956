package dev.suppression.recipientdomain;

import dev.suppression.address.DomainName;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Domain-cluster rules ({@code suppression.cluster.*}).
 *
 * @param window          the rolling window in which hard bounces count toward a domain's cluster
 * @param smallClusterAt  distinct addresses from which a domain is a {@code SMALL_CLUSTER}
 * @param domainPatternAt distinct addresses from which a domain is a {@code DOMAIN_PATTERN} and is paused
 * @param exemptDomains   large mailbox providers whose level is reported but which are never paused
 */
@Validated
@ConfigurationProperties("suppression.cluster")
public record ClusterSettings(
        @NotNull @DefaultValue("24h") Duration window,
        @Min(2) @DefaultValue("2") int smallClusterAt,
        @Min(2) @DefaultValue("5") int domainPatternAt,
        @NotNull @DefaultValue({"gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
                "yahoo.com", "icloud.com", "me.com", "aol.com", "gmx.com", "gmx.de", "web.de", "mail.ru",
                "yandex.ru", "proton.me", "protonmail.com", "qq.com", "163.com"}) List<String> exemptDomains) {

    public ClusterSettings {
        if (domainPatternAt <= smallClusterAt) {
            throw new IllegalArgumentException("suppression.cluster.domain-pattern-at (" + domainPatternAt
                    + ") must be greater than suppression.cluster.small-cluster-at (" + smallClusterAt + ")");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("suppression.cluster.window must be positive, not " + window);
        }
    }

    Set<String> exemptDomainSet() {
        return exemptDomains.stream().map(d -> DomainName.parse(d).value()).collect(Collectors.toSet());
    }
}
