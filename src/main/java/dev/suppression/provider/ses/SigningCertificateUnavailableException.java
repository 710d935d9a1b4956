package dev.suppression.provider.ses;

/**
 * The SNS signing certificate could not be downloaded or read. Not the sender's fault: the request fails with a
 * server error, so SNS retries it.
 */
public class SigningCertificateUnavailableException extends RuntimeException {

    public SigningCertificateUnavailableException(String message) {
        super(message);
    }

    public SigningCertificateUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
