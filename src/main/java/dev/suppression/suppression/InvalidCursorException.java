package dev.suppression.suppression;

/** A page cursor that this service did not hand out. */
public class InvalidCursorException extends RuntimeException {

    public InvalidCursorException(String cursor) {
        super(message(cursor));
    }

    /** The same advice for every paged list: cursors are only ever copied from a previous page. */
    public static String message(String cursor) {
        return "The cursor '" + cursor + "' is not one this service returned. Cursors come from the 'nextCursor' "
                + "field of the previous page of the same list: pass that value unchanged, or omit 'cursor' to start "
                + "at the first page.";
    }
}
