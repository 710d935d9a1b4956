package dev.suppression.dsn;

/** The message was read, but it is not a bounce, or no failed recipient could be found in it: nothing was recorded. */
public class NotABounceException extends RuntimeException {

    private final MessageKind kind;

    NotABounceException(MessageKind kind, String evidence) {
        super(kind.explain(evidence));
        this.kind = kind;
    }

    public MessageKind kind() {
        return kind;
    }
}
