package dev.suppression.providersync;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The provider's API did not give its list (down, rate limited past our patience, refused the key): 502, with what
 * was imported before it stopped. Running the import again is safe: what is held is skipped.
 */
public class ProviderImportFailedException extends ErrorResponseException {

    public ProviderImportFailedException(String provider, String why, ProviderImportSummary sofar) {
        super(HttpStatus.BAD_GATEWAY, problem(provider, why, sofar), null);
    }

    private static ProblemDetail problem(String provider, String why, ProviderImportSummary sofar) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, "The " + provider
                + " API stopped the import after " + sofar.pages() + " pages (" + sofar.imported() + " imported): "
                + why + ". Fix the cause and import again; what is already held is skipped.");
        problem.setTitle("Provider import failed");
        return problem;
    }
}
