package dev.suppression.alert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature a receiver checks: {@code X-Suppression-Signature: sha256=<hex>}, the HMAC-SHA256 of
 * {@code <X-Suppression-Timestamp>.<body>} under the shared secret. Signing the timestamp with the body lets a
 * receiver refuse an old delivery replayed.
 */
final class AlertSignature {

    static final String SIGNATURE_HEADER = "X-Suppression-Signature";
    static final String TIMESTAMP_HEADER = "X-Suppression-Timestamp";
    static final String ALERT_ID_HEADER = "X-Suppression-Alert-Id";

    private AlertSignature() {
    }

    static String of(String secret, long timestamp, String body) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            var signed = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(signed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
