package dev.suppression.dsn;

/** A bounce message over {@code suppression.dsn.max-message-size}. */
public class MessageTooLargeException extends RuntimeException {

    public MessageTooLargeException(String message) {
        super(message);
    }
}
