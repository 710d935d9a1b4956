package dev.suppression.console;

import dev.suppression.address.InvalidAddressException;
import dev.suppression.suppression.InvalidCursorException;
import dev.suppression.web.BadRequestException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Console errors as pages a person can act on, not the API's problem+json; ordered before the API's advice, and
 * only for the console's own controllers.
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    @ExceptionHandler({InvalidAddressException.class, BadRequestException.class, InvalidCursorException.class,
            InvalidFormException.class})
    String badRequest(RuntimeException e, HttpServletResponse response, Model model) {
        return page(response, model, HttpStatus.BAD_REQUEST, "That cannot be done", e.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(MaxUploadSizeExceededException e, HttpServletResponse response, Model model) {
        return page(response, model, HttpStatus.CONTENT_TOO_LARGE, "File too large",
                "The file is larger than the console accepts (spring.servlet.multipart.max-file-size). "
                        + "Split it, or send it to POST /suppressions/import with an ops key.");
    }

    @ExceptionHandler({DataAccessException.class, CannotCreateTransactionException.class})
    String databaseUnavailable(RuntimeException e, HttpServletResponse response, Model model) {
        log.warn("Console request failed, the database is unavailable: {}", e.getMessage());
        return page(response, model, HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                "The suppression database cannot be reached, so nothing was read or changed. Try again in a few seconds.");
    }

    private static String page(HttpServletResponse response, Model model, HttpStatus status, String title,
                               String message) {
        response.setStatus(status.value());
        model.addAttribute("operator", ConsoleModel.operator());
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "console/problem";
    }
}
