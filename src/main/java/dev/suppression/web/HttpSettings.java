package dev.suppression.web;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP limits ({@code suppression.http.*}).
 *
 * @param maxRequestBody the largest request body accepted; larger ones get 413 before being read whole
 */
@Validated
@ConfigurationProperties("suppression.http")
public record HttpSettings(@NotNull @DefaultValue("10MB") DataSize maxRequestBody) {
}
