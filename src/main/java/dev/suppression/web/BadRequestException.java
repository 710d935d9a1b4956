package dev.suppression.web;

/** A request the caller can fix; the message tells how. */
public class BadRequestException extends RuntimeException {

    public BadRequestException(String message) {
        super(message);
    }
}
