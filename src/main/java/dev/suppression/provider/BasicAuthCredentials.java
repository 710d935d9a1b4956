package dev.suppression.provider;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/** HTTP basic credentials configured for a webhook URL (Postmark, SparkPost), compared in constant time. */
public record BasicAuthCredentials(String username, String password) {

    /**
     * The credentials a provider's settings give; null when neither is set, which switches its webhook off.
     *
     * @param settingsPrefix where the two settings live, for the message when only one is set
     */
    public static @Nullable BasicAuthCredentials fromSettings(@Nullable String username, @Nullable String password,
                                                              String settingsPrefix) {
        boolean hasUsername = username != null && !username.isBlank();
        boolean hasPassword = password != null && !password.isBlank();
        if (!hasUsername && !hasPassword) {
            return null;
        }
        if (!hasUsername || !hasPassword) {
            throw new IllegalStateException("Set both " + settingsPrefix + ".username and .password (the webhook's "
                    + "HTTP basic credentials), or neither to disable the webhook.");
        }
        if (username.contains(":")) {
            throw new IllegalStateException(settingsPrefix + ".username may not contain ':' "
                    + "(HTTP basic credentials are user:password).");
        }
        return new BasicAuthCredentials(username, password);
    }

    /** Verifies the request's credentials; a webhook with none configured refuses every request. */
    public static void verify(@Nullable BasicAuthCredentials configured, @Nullable String authorizationHeader,
                              String provider) {
        if (configured == null) {
            throw new WebhookAuthenticationException("The " + provider + " webhook has no credentials configured.");
        }
        configured.verify(authorizationHeader, provider);
    }

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
