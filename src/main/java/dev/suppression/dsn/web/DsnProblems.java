package dev.suppression.dsn.web;

import dev.suppression.dsn.MessageTooLargeException;
import dev.suppression.dsn.NotABounceException;
import dev.suppression.dsn.UnreadableMessageException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The problems only {@code POST /bounces/dsn} raises, as RFC 9457 problems; ahead of the service-wide advice,
 * which handles everything else (database unavailable, unexpected errors) for this endpoint as for any other.
 */
@RestControllerAdvice(assignableTypes = DsnController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DsnProblems {

    @ExceptionHandler(NotABounceException.class)
    ProblemDetail notABounce(NotABounceException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Not a bounce", e.getMessage());
    }

    @ExceptionHandler(UnreadableMessageException.class)
    ProblemDetail unreadable(UnreadableMessageException e) {
        return problem(HttpStatus.BAD_REQUEST, "Unreadable message", e.getMessage());
    }

    @ExceptionHandler(FlattenedMessageException.class)
    ProblemDetail flattened(FlattenedMessageException e) {
        return problem(HttpStatus.BAD_REQUEST, "Line breaks stripped", e.getMessage());
    }

    @ExceptionHandler(MessageTooLargeException.class)
    ProblemDetail tooLarge(MessageTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Message too large", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        return problem;
    }
}
