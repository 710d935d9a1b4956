package dev.suppression.address;

/** Thrown when a string is not a syntactically valid mail address or domain; the message says why. */
public class InvalidAddressException extends RuntimeException {

    public InvalidAddressException(String message) {
        super(message);
    }
}
