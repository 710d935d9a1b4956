package dev.suppression.web;

import dev.suppression.address.InvalidAddressException;
import dev.suppression.provider.MalformedWebhookException;
import dev.suppression.provider.ProviderUnavailableException;
import dev.suppression.provider.UnknownProviderException;
import dev.suppression.provider.WebhookAuthenticationException;
import dev.suppression.recipientdomain.DomainNotPausedException;
import dev.suppression.suppression.AddressNotSuppressedException;
import dev.suppression.suppression.ClearNeedsForceException;
import dev.suppression.suppression.InvalidCursorException;
import java.net.URI;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Maps every error to an RFC 9457 problem with a {@code detail} a person can act on. Nothing internal
 * (stack traces, SQL, class names) reaches a response.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
    static final int RETRY_AFTER_SECONDS = 5;

    @ExceptionHandler({InvalidAddressException.class, BadRequestException.class, InvalidCursorException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
    }

    @ExceptionHandler(RequestRejectedException.class)
    ProblemDetail rejectedByFirewall(RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "Request rejected",
                "The request has characters in its URL or headers that the service refuses (control characters, "
                        + "encoded slashes or dots). Send a plain URL and printable header values.");
    }

    @ExceptionHandler(MalformedWebhookException.class)
    ProblemDetail malformedWebhook(MalformedWebhookException e) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed webhook", e.getMessage());
    }

    @ExceptionHandler(ProviderUnavailableException.class)
    ResponseEntity<ProblemDetail> providerUnavailable(ProviderUnavailableException e) {
        log.warn("Webhook provider dependency unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Provider unavailable",
                        e.getMessage() + " The provider should retry the delivery."));
    }

    @ExceptionHandler(UnknownProviderException.class)
    ProblemDetail unknownProvider(UnknownProviderException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown webhook", e.getMessage());
    }

    @ExceptionHandler(WebhookAuthenticationException.class)
    ResponseEntity<ProblemDetail> webhookNotAuthentic(WebhookAuthenticationException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .body(problem(HttpStatus.UNAUTHORIZED, "Webhook not authenticated", e.getMessage()));
    }

    @ExceptionHandler(AddressNotSuppressedException.class)
    ProblemDetail notSuppressed(AddressNotSuppressedException e) {
        return problem(HttpStatus.NOT_FOUND, "Address not suppressed", e.getMessage());
    }

    @ExceptionHandler(ClearNeedsForceException.class)
    ProblemDetail needsForce(ClearNeedsForceException e) {
        return problem(HttpStatus.CONFLICT, "Clear needs force", e.getMessage());
    }

    @ExceptionHandler(DomainNotPausedException.class)
    ProblemDetail notPaused(DomainNotPausedException e) {
        return problem(HttpStatus.CONFLICT, "Domain not paused", e.getMessage());
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getName().equals("cursor")) {
            return problem(HttpStatus.BAD_REQUEST, "Invalid request", InvalidCursorException.message(String.valueOf(e.getValue())));
        }
        return problem(HttpStatus.BAD_REQUEST, "Invalid parameter",
                "The parameter '" + e.getName() + "' has a value of the wrong type: '" + e.getValue() + "'.");
    }

    /**
     * The database cannot be reached: never guess an answer (a guessed ALLOW mails a dead address), and
     * tell the client when to retry. Nothing of the request was committed.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, CannotCreateTransactionException.class,
            TransientDataAccessResourceException.class, QueryTimeoutException.class, ConcurrencyFailureException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("Database unavailable: {}", e.getMessage());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS))
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                        "The suppression database cannot be reached, so no answer can be given safely and nothing "
                                + "was stored. Retry after " + RETRY_AFTER_SECONDS + " seconds; do not send in the meantime."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (lostDatabaseConnection(e)) {
            return databaseUnavailable(e);
        }
        log.error("Unexpected error", e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "The service failed to handle this request; it has been logged. Retry later, and report it if it persists."));
    }

    /**
     * A pooled connection the database cut off (shutdown, restart, network loss) fails mid-transaction, and the
     * rollback on the dead connection then fails too; JPA reports that as a failed rollback, not as a resource
     * failure. Either way nothing was committed and no answer is known: it is an outage, not a bug. SQLState
     * class 08 is "connection exception"; 57P01-57P03 are admin shutdown, crash shutdown, "cannot connect now".
     */
    private static boolean lostDatabaseConnection(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof TransactionSystemException || cause instanceof org.hibernate.TransactionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                        .body(problem(HttpStatus.CONTENT_TOO_LARGE, "Request too large", tooLarge.getMessage()));
            }
        }
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof MismatchedInputException mismatch && mismatch.getPath().isEmpty()
                    && mismatch.getTargetType() != null && mismatch.getTargetType().isRecord()
                    && String.valueOf(mismatch.getMessage()).contains("from Array value")) {
                return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed body",
                        arrayForObject(mismatch.getTargetType())));
            }
        }
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                var field = databind.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("?");
                return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed body",
                        "The field '" + field + "' has a value of the wrong type or format; see openapi.yaml for its schema."));
            }
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Malformed body",
                "The request body is missing or is not valid JSON. Send a JSON document with Content-Type: application/json."));
    }

    /**
     * A JSON array sent where the endpoint takes an object. When the object has one list field (the batch check's
     * {@code addresses}), say how to wrap the array in it.
     */
    private static String arrayForObject(Class<?> target) {
        var lists = java.util.Arrays.stream(target.getRecordComponents())
                .filter(component -> java.util.Collection.class.isAssignableFrom(component.getType()))
                .map(java.lang.reflect.RecordComponent::getName).toList();
        if (lists.size() == 1) {
            return "The body is a JSON array, but this endpoint takes a JSON object: wrap the list as {\""
                    + lists.getFirst() + "\": [...]}.";
        }
        return "The body is a JSON array, but this endpoint takes a JSON object; see openapi.yaml for its schema.";
    }

    /** A 415 names what to send: curl's {@code -d} alone sends a form, which no endpoint here takes. */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var expected = ex.getSupportedMediaTypes().stream().map(type -> type.getType() + "/" + type.getSubtype())
                .distinct().toList();
        var sent = ex.getContentType() == null ? "no Content-Type"
                : "Content-Type " + ex.getContentType().getType() + "/" + ex.getContentType().getSubtype();
        var detail = expected.isEmpty() ? "This endpoint does not take " + sent + "."
                : "This endpoint takes " + String.join(" or ", expected) + ", but the request has " + sent
                        + ". Send the header 'Content-Type: " + expected.getFirst() + "'"
                        + (expected.getFirst().equals("message/rfc822") ? " and the file with curl --data-binary @file."
                                : ".");
        var problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", detail);
        if (!expected.isEmpty()) {
            headers.setAccept(ex.getSupportedMediaTypes());
        }
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
            MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Missing parameter",
                "The query parameter '" + ex.getParameterName() + "' is required."));
    }

    /** Problems Spring MVC builds itself (404, 405, 415, ...) get the same shape as ours. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        var response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && problem.getType() == null) {
            problem.setType(URI.create("about:blank"));
        }
        return response;
    }

    static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail == null ? title : detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
