package dev.suppression.suppression.web;

import dev.suppression.web.BadRequestException;
import org.jspecify.annotations.Nullable;

/** {@code {"reason": "..."}}: why ops made a change, kept in the history. */
record ReasonRequest(@Nullable String reason) {

    static String require(@Nullable ReasonRequest body) {
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw new BadRequestException("The body must be {\"reason\": \"...\"} saying why this change is made.");
        }
        if (body.reason().indexOf('\0') >= 0) {
            throw new BadRequestException("The reason contains a NUL character.");
        }
        if (body.reason().length() > 2000) {
            throw new BadRequestException("The reason is longer than 2000 characters.");
        }
        return body.reason().strip();
    }
}
