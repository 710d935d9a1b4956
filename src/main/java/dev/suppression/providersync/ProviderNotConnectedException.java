package dev.suppression.providersync;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An import was asked of a provider whose list is not connected (or does not exist): 404. */
public class ProviderNotConnectedException extends ErrorResponseException {

    public ProviderNotConnectedException(String provider) {
        super(HttpStatus.NOT_FOUND, problem(provider), null);
    }

    private static ProblemDetail problem(String provider) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No suppression list is connected for '"
                + provider + "'. Set its API key under suppression.provider-sync." + provider
                + ".* (see the README, ESP suppression lists); providers: sendgrid, postmark, mailgun, sparkpost, resend, ses.");
        problem.setTitle("Provider not connected");
        return problem;
    }
}
