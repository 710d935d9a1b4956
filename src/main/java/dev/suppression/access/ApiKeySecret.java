package dev.suppression.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A key's secret: a readable prefix ({@code sk_live_} or {@code sk_test_}, so a leaked key is recognisable)
 * and 192 random bits. Only its SHA-256 hash is stored: the secret has full entropy, so a slow password hash
 * would add nothing but latency to every request.
 */
public record ApiKeySecret(String value) {

    public static final String LIVE_PREFIX = "sk_live_";
    public static final String TEST_PREFIX = "sk_test_";
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int RANDOM_CHARS = 33; // 33 base-62 characters carry 196 bits
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ApiKeySecret generate(boolean live) {
        var text = new StringBuilder(live ? LIVE_PREFIX : TEST_PREFIX);
        for (int i = 0; i < RANDOM_CHARS; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new ApiKeySecret(text.toString());
    }

    public String hash() {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The part safe to show in lists: the prefix and the first four random characters. */
    public String displayPrefix() {
        var underscore = value.indexOf('_', value.indexOf('_') + 1);
        var end = Math.min(value.length(), (underscore > 0 ? underscore + 1 : 0) + 4);
        return value.substring(0, end);
    }

    @Override
    public String toString() {
        return displayPrefix() + "…";
    }
}
