package dev.suppression.provider;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** HTTP basic credentials configured for a webhook URL (Postmark, SparkPost), compared in constant time. */
public record BasicAuthCredentials(String username, String password) {

    public void verify(@Nullable String authorizationHeader, String provider) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new WebhookAuthenticationException("The " + provider + " webhook needs HTTP basic credentials.");
        }
        byte[] presented;
        try {
            presented = Base64.getDecoder().decode(authorizationHeader.substring(6).strip());
        } catch (IllegalArgumentException e) {
            throw new WebhookAuthenticationException("The " + provider + " basic credentials are not valid base64.");
        }
        var expected = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
        if (!HmacSha256.sameBytes(expected, presented)) {
            throw new WebhookAuthenticationException("The " + provider + " basic credentials are wrong.");
        }
    }
}
