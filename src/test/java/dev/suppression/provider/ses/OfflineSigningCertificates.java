package dev.suppression.provider.ses;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.core.io.ClassPathResource;

/**
 * The SNS certificate source for tests: never goes online, answers every URL with the self-signed test certificate
 * ({@code webhooks/ses/signing-cert.pem}, whose private key signs the test messages) and remembers which URLs it
 * was asked for, so tests can prove a foreign URL was never fetched.
 */
public class OfflineSigningCertificates implements SigningCertificates {

    static final String CERTIFICATE = "webhooks/ses/signing-cert.pem";

    private final X509Certificate certificate = load();
    private final List<URI> fetched = new CopyOnWriteArrayList<>();

    @Override
    public X509Certificate fetch(URI url) {
        fetched.add(url);
        return certificate;
    }

    public List<URI> fetched() {
        return List.copyOf(fetched);
    }

    private static X509Certificate load() {
        try (InputStream pem = new ClassPathResource(CERTIFICATE).getInputStream()) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(CERTIFICATE + " is not an X.509 certificate", e);
        }
    }
}
