package dev.suppression.provider.ses;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Downloads SNS signing certificates over HTTPS (the JDK's trust store authenticates the SNS host) with short
 * timeouts and no redirects, and keeps the parsed certificates: SNS names a new URL when it rotates its key, so a
 * URL's certificate never changes and the cache needs no expiry, only a bound.
 */
@Component
class HttpsSigningCertificates implements SigningCertificates {

    private static final Logger log = LoggerFactory.getLogger(HttpsSigningCertificates.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    /** SNS's PEM certificates are about 2 KB; anything much larger is not one. */
    private static final int MAX_BYTES = 16 * 1024;
    private static final int MAX_CACHED = 64;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final Map<URI, X509Certificate> cache = new ConcurrentHashMap<>();

    @Override
    public X509Certificate fetch(URI url) {
        var cached = cache.get(url);
        if (cached != null) {
            return cached;
        }
        if (!"https".equalsIgnoreCase(url.getScheme())) {
            throw new SigningCertificateUnavailableException("SNS signing certificates are only fetched over https: " + url);
        }
        var certificate = parse(download(url), url);
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(url, certificate);
        log.info("Fetched the SNS signing certificate {} (subject {}, valid until {})", url,
                certificate.getSubjectX500Principal().getName(), certificate.getNotAfter().toInstant());
        return certificate;
    }

    private byte[] download(URI url) {
        var request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).GET().build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new SigningCertificateUnavailableException("Fetching the SNS signing certificate " + url
                            + " answered HTTP " + response.statusCode() + ".");
                }
                var bytes = body.readNBytes(MAX_BYTES + 1);
                if (bytes.length > MAX_BYTES) {
                    throw new SigningCertificateUnavailableException("The SNS signing certificate " + url
                            + " is larger than " + MAX_BYTES + " bytes.");
                }
                return bytes;
            }
        } catch (IOException e) {
            throw new SigningCertificateUnavailableException("The SNS signing certificate " + url
                    + " could not be fetched: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SigningCertificateUnavailableException("Interrupted while fetching the SNS signing certificate " + url, e);
        }
    }

    private static X509Certificate parse(byte[] pem, URI url) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem));
        } catch (CertificateException | ClassCastException e) {
            throw new SigningCertificateUnavailableException("The document at " + url
                    + " is not an X.509 certificate.", e);
        }
    }
}
