package dev.suppression.provider.ses;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HttpsSigningCertificatesTests {

    @Test
    void certificatesAreNeverFetchedOverPlainHttp() {
        var certificates = new HttpsSigningCertificates();

        assertThatThrownBy(() -> certificates.fetch(URI.create("http://sns.us-east-1.amazonaws.com/c.pem")))
                .isInstanceOf(SigningCertificateUnavailableException.class).hasMessageContaining("https");
    }
}
