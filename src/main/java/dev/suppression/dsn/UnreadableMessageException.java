package dev.suppression.dsn;

/** The request body cannot be read as an Internet message at all (empty, binary, broken MIME structure). */
public class UnreadableMessageException extends RuntimeException {

    UnreadableMessageException(String message) {
        super(message);
    }
}
