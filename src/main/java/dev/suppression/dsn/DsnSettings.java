package dev.suppression.dsn;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Raw bounce message limits ({@code suppression.dsn.*}).
 *
 * @param maxMessageSize the largest bounce message {@code POST /bounces/dsn} takes; larger ones get 413 before
 *                       being read whole. Bounces that return the original message in full can be large; the
 *                       recipients and responses sit at the start, so a sending MTA that truncates the returned
 *                       copy (Postfix {@code bounce_size_limit}) keeps every bounce under the default.
 */
@Validated
@ConfigurationProperties("suppression.dsn")
public record DsnSettings(@NotNull @DefaultValue("1MB") DataSize maxMessageSize) {
}
