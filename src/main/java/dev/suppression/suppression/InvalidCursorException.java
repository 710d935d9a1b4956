package dev.suppression.suppression;

/** A page cursor that this service did not hand out. */
public class InvalidCursorException extends RuntimeException {

    public InvalidCursorException(String cursor) {
        super("The cursor '" + cursor + "' is not one this service returned; pass the nextCursor of the previous page, or omit it to start at the beginning.");
    }
}
