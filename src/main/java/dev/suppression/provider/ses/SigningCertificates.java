package dev.suppression.provider.ses;

import java.net.URI;
import java.security.cert.X509Certificate;

/**
 * Where SNS signing certificates come from. Callers pass only https URLs on an allowed SNS host (the verifier checks
 * before asking), so an implementation never fetches from a host a message merely names. The production bean
 * downloads over HTTPS and caches; tests supply an offline one.
 */
public interface SigningCertificates {

    /**
     * The certificate at {@code url}.
     *
     * @throws SigningCertificateUnavailableException when it cannot be obtained; the message is then answered 5xx,
     *                                                so SNS delivers it again later
     */
    X509Certificate fetch(URI url);
}
