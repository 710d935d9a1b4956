package dev.suppression.provider;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 and the constant-time comparison every signature check needs. */
public final class HmacSha256 {

    private HmacSha256() {
    }

    public static byte[] sign(byte[] key, byte[] data) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Compares without leaking, through timing, how many leading bytes matched. */
    public static boolean sameBytes(byte[] expected, byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }
}
