package dev.suppression.provider.ses;

import dev.suppression.provider.ProviderUnavailableException;

/**
 * The SNS signing certificate could not be downloaded or read. Not the sender's fault: the request fails with a
 * server error, so SNS retries it.
 */
public class SigningCertificateUnavailableException extends ProviderUnavailableException {

    public SigningCertificateUnavailableException(String message) {
        super(message);
    }

    public SigningCertificateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
