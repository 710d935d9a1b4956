package dev.suppression.console;

/** A console form filled in so that it cannot be acted on; the message says what to change. */
class InvalidFormException extends RuntimeException {

    InvalidFormException(String message) {
        super(message);
    }
}
