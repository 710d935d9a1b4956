package dev.suppression.provider.ses;

import dev.suppression.provider.SignedTimestamp;
import dev.suppression.provider.WebhookAuthenticationException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Date;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Proves an SNS message comes from SNS, for an allowed topic, and is fresh (AWS, "Verifying the signatures of
 * Amazon SNS messages"):
 * <ol>
 * <li>the {@code TopicArn} is one of {@code suppression.providers.ses.topic-arns};</li>
 * <li>{@code SigningCertURL} (and a confirmation's {@code SubscribeURL}) is https on an allowed SNS host, checked
 *     before anything is fetched;</li>
 * <li>the signed {@code Timestamp} is within {@code suppression.providers.timestamp-tolerance} of now, otherwise
 *     it is a replay of an old (validly signed) message;</li>
 * <li>{@code Signature} is the RSA signature of the string to sign, with SHA-1 for {@code SignatureVersion} 1 and
 *     SHA-256 for 2, under the public key of the (currently valid) certificate.</li>
 * </ol>
 * The string to sign is, for each field the message type signs that is present, in the documented order, the
 * field name, a newline, the value (JSON escapes undone) and a newline; a notification's {@code Subject} is signed
 * only when present.
 */
@Component
class SnsMessageVerifier {

    private final SigningCertificates certificates;
    private final SignedTimestamp timestamps;
    private final Clock clock;
    private final Set<String> topicArns;
    private final AllowedSnsHosts hosts;

    SnsMessageVerifier(SesSettings settings, SigningCertificates certificates, SignedTimestamp timestamps,
                       Clock clock) {
        this.certificates = certificates;
        this.timestamps = timestamps;
        this.clock = clock;
        this.topicArns = Set.copyOf(settings.topicArns().stream().map(String::strip).toList());
        this.hosts = new AllowedSnsHosts(settings.allowedCertHosts());
    }

    /**
     * @throws WebhookAuthenticationException when any check fails; nothing of the message may then be acted on
     */
    void verify(SnsMessage message) {
        if (!topicArns.contains(message.topicArn())) {
            throw new WebhookAuthenticationException("The SNS topic " + message.topicArn() + " is not allowed "
                    + "(suppression.providers.ses.topic-arns).");
        }
        var certificateUrl = hosts.require(message.require("SigningCertURL"), "SigningCertURL");
        if (message.type() == SnsMessageType.SUBSCRIPTION_CONFIRMATION) {
            subscribeUrl(message);
        }
        var algorithm = switch (message.require("SignatureVersion").strip()) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> throw new WebhookAuthenticationException("The SNS SignatureVersion '"
                    + message.require("SignatureVersion") + "' is not 1 or 2.");
        };
        requireFresh(message.timestamp());
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(message.require("Signature").strip());
        } catch (IllegalArgumentException e) {
            throw new WebhookAuthenticationException("The SNS Signature is not base64.");
        }
        var certificate = certificates.fetch(certificateUrl);
        requireValid(certificate, certificateUrl);
        try {
            var verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate);
            verifier.update(stringToSign(message).getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(signature)) {
                throw new WebhookAuthenticationException("The SNS signature does not match the message.");
            }
        } catch (GeneralSecurityException e) {
            throw new WebhookAuthenticationException("The SNS signature could not be checked with the certificate "
                    + certificateUrl + ": " + e.getMessage());
        }
    }

    /** A confirmation's {@code SubscribeURL}, once it is https on an allowed SNS host. */
    URI subscribeUrl(SnsMessage message) {
        return hosts.require(message.require("SubscribeURL"), "SubscribeURL");
    }

    static String stringToSign(SnsMessage message) {
        var text = new StringBuilder();
        for (var field : message.type().signedFields()) {
            var value = message.get(field);
            if (value != null) {
                text.append(field).append('\n').append(value).append('\n');
            }
        }
        return text.toString();
    }

    private void requireFresh(String timestamp) {
        Instant at;
        try {
            at = OffsetDateTime.parse(timestamp.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new WebhookAuthenticationException("The SNS Timestamp '" + timestamp + "' is not an ISO 8601 time.");
        }
        // SignedTimestamp holds the shared tolerance and the replay wording; it reads Unix seconds.
        timestamps.requireFresh(String.valueOf(at.getEpochSecond()), "ses");
    }

    private void requireValid(X509Certificate certificate, URI url) {
        try {
            certificate.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            throw new WebhookAuthenticationException("The SNS signing certificate " + url + " is not valid now: "
                    + e.getMessage());
        }
    }
}
