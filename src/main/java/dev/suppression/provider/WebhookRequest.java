package dev.suppression.provider;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;

/** A webhook request as it arrived: the raw body bytes (signatures cover them exactly) and the headers. */
public record WebhookRequest(String provider, byte[] body, HttpHeaders headers, String remoteAddress) {

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public @Nullable String header(String name) {
        return headers.getFirst(name);
    }
}
