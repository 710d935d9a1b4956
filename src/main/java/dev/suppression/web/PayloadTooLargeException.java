package dev.suppression.web;

/** A request carrying more than the service takes in one call. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(String message) {
        super(message);
    }
}
