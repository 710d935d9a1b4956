package dev.suppression.provider.ses;

import dev.suppression.support.TestProviderKeys;
import dev.suppression.support.Webhooks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/**
 * SNS HTTP messages built from the SNS envelope fixtures and signed the way SNS signs them (RSA over the string
 * to sign: each signed field's name and value, each followed by a newline) with the test key pair. The string to
 * sign is written here independently of the production verifier, from the AWS documentation.
 */
final class SnsMessages {

    static final String SIGNING_CERT_URL =
            "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem";
    private static final String PRIVATE_KEY = "webhooks/ses/signing-key.pem";
    private static final List<String> NOTIFICATION_FIELDS =
            List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type");
    private static final List<String> CONFIRMATION_FIELDS =
            List.of("Message", "MessageId", "SubscribeURL", "Timestamp", "Token", "TopicArn", "Type");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String fixture;
    private final String type;
    private final Map<String, String> values = new HashMap<>();
    private int signatureVersion = 2;

    private SnsMessages(String fixture, String type) {
        this.fixture = fixture;
        this.type = type;
        values.put("message-id", UUID.randomUUID().toString());
        values.put("topic-arn", TestProviderKeys.SES_TOPIC_ARN);
        values.put("timestamp", snsTime(Instant.now()));
        values.put("signing-cert-url", SIGNING_CERT_URL);
        values.put("token", HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** A Notification whose Message is this SES notification (as SNS carries it: a JSON string). */
    static SnsMessages notification(String sesJson) {
        var message = new SnsMessages("sns-notification.json", "Notification");
        message.values.put("message", escapeForJsonString(sesJson));
        return message;
    }

    static SnsMessages subscriptionConfirmation(String subscribeUrl) {
        var message = new SnsMessages("sns-subscription-confirmation.json", "SubscriptionConfirmation");
        message.values.put("subscribe-url", subscribeUrl);
        return message;
    }

    static SnsMessages unsubscribeConfirmation() {
        var message = new SnsMessages("sns-unsubscribe-confirmation.json", "UnsubscribeConfirmation");
        message.values.put("subscribe-url", "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn="
                + TestProviderKeys.SES_TOPIC_ARN + "&Token=" + message.values.get("token"));
        return message;
    }

    SnsMessages messageId(String messageId) {
        values.put("message-id", messageId);
        return this;
    }

    SnsMessages topicArn(String topicArn) {
        values.put("topic-arn", topicArn);
        return this;
    }

    SnsMessages publishedAt(Instant at) {
        values.put("timestamp", snsTime(at));
        return this;
    }

    SnsMessages signingCertUrl(String url) {
        values.put("signing-cert-url", url);
        return this;
    }

    SnsMessages signatureVersion(int version) {
        signatureVersion = version;
        return this;
    }

    String type() {
        return type;
    }

    String messageId() {
        return values.get("message-id");
    }

    String topicArn() {
        return values.get("topic-arn");
    }

    /** The body as SNS posts it, signed. */
    String body() {
        var keyValues = new java.util.ArrayList<String>();
        values.forEach((k, v) -> {
            keyValues.add(k);
            keyValues.add(v);
        });
        keyValues.add("signature-version");
        keyValues.add(String.valueOf(signatureVersion));
        var unsigned = Webhooks.fixture("ses", fixture, keyValues.toArray(String[]::new));
        return unsigned.replace("{{signature}}", sign(stringToSign(unsigned)));
    }

    private String stringToSign(String body) {
        var envelope = JSON.readTree(body);
        var text = new StringBuilder();
        for (var field : "Notification".equals(type) ? NOTIFICATION_FIELDS : CONFIRMATION_FIELDS) {
            if (envelope.has(field)) {
                text.append(field).append('\n').append(envelope.get(field).stringValue()).append('\n');
            }
        }
        return text.toString();
    }

    private String sign(String stringToSign) {
        try {
            var signer = Signature.getInstance(signatureVersion == 1 ? "SHA1withRSA" : "SHA256withRSA");
            signer.initSign(privateKey());
            signer.update(stringToSign.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey privateKey() {
        try {
            var pem = new ClassPathResource(PRIVATE_KEY).getContentAsString(StandardCharsets.US_ASCII)
                    .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "");
            return KeyFactory.getInstance("RSA").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(PRIVATE_KEY + " is not a PKCS#8 RSA private key", e);
        }
    }

    /** SNS's Timestamp format: ISO 8601 UTC with milliseconds. */
    static String snsTime(Instant at) {
        return at.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static String escapeForJsonString(String text) {
        var quoted = JSON.writeValueAsString(text);
        return quoted.substring(1, quoted.length() - 1);
    }
}
