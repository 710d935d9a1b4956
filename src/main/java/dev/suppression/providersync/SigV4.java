package dev.suppression.providersync;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature Version 4 for one request, as the SES v2 API wants it: the canonical request (path segments
 * encoded twice, as for every service but S3), the string to sign, and the key derived per day, region and
 * service. Written here rather than pulling the AWS SDK for three REST calls.
 */
record SigV4(String accessKeyId, String secretAccessKey, String region, String service) {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    /** The headers to add: {@code X-Amz-Date} and {@code Authorization}. */
    record Signed(String amzDate, String authorization) { }

    Signed sign(String method, URI uri, String body, Instant at) {
        var amzDate = STAMP.format(at);
        var day = amzDate.substring(0, 8);
        var host = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
        var payloadHash = hex(sha256(body.getBytes(StandardCharsets.UTF_8)));
        var canonicalUri = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/"
                : Arrays.stream(uri.getRawPath().split("/", -1)).map(SigV4::encode).collect(Collectors.joining("/"));
        var canonicalQuery = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                .map(pair -> {
                    var eq = pair.indexOf('=');
                    var name = eq < 0 ? pair : pair.substring(0, eq);
                    var value = eq < 0 ? "" : pair.substring(eq + 1);
                    return encode(decode(name)) + "=" + encode(decode(value));
                }).sorted().collect(Collectors.joining("&"));
        var canonicalRequest = method + "\n" + canonicalUri + "\n" + canonicalQuery + "\n"
                + "host:" + host + "\n" + "x-amz-date:" + amzDate + "\n\n" + "host;x-amz-date\n" + payloadHash;
        var scope = day + "/" + region + "/" + service + "/aws4_request";
        var stringToSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
        var key = hmac(hmac(hmac(hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), day), region),
                service), "aws4_request");
        var signature = hex(hmac(key, stringToSign));
        return new Signed(amzDate, "AWS4-HMAC-SHA256 Credential=" + accessKeyId + "/" + scope
                + ", SignedHeaders=host;x-amz-date, Signature=" + signature);
    }

    /** RFC 3986 encoding of everything but the unreserved characters, as SigV4 defines it. */
    static String encode(String text) {
        var out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }

    private static String decode(String text) {
        return java.net.URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "SigV4[accessKeyId=(set), region=" + region + ", service=" + service + "]";
    }
}
