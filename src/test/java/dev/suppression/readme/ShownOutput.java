package dev.suppression.readme;

/**
 * The output the README shows for a command: an HTTP answer as {@code curl -i} prints it (status line, the
 * headers worth showing, a blank line, the body, pretty-printed when JSON), or plain text lines.
 */
sealed interface ShownOutput {

    /** A fenced {@code http} block. */
    record Http(int status, java.util.List<String> headers, String body) implements ShownOutput { }

    /** A fenced {@code text} block: the command's standard output, line by line. */
    record Text(java.util.List<String> lines) implements ShownOutput { }
}
