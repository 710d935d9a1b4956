package dev.suppression.dsn.web;

import java.util.regex.Pattern;

/**
 * A message whose line breaks were stripped on the way: {@code curl -d @bounce.eml} (and {@code --data}) drops
 * every CR and LF, which leaves the headers, the MIME parts and the report as one line nobody can read back.
 * Telling the sender how to post the file beats answering "ordinary message" or "unreadable".
 */
class FlattenedMessageException extends RuntimeException {

    /** Two header fields run together on one line: what a flattened message looks like from its first bytes. */
    private static final Pattern RUN_TOGETHER_HEADERS = Pattern.compile(
            "^[A-Za-z][A-Za-z0-9-]*:[^\\r\\n]*?\\s?(?:From|To|Subject|Date|Message-ID|MIME-Version|Content-Type|Received|Return-Path):",
            Pattern.CASE_INSENSITIVE);

    FlattenedMessageException() {
        super("The message arrived as a single line: its line breaks were stripped, which is what curl -d and --data "
                + "do to a file. Post the file unchanged with curl --data-binary @bounce.eml "
                + "-H 'Content-Type: message/rfc822'.");
    }

    static void refuseIfFlattened(byte[] message) {
        for (byte b : message) {
            if (b == '\n' || b == '\r') {
                return;
            }
        }
        var start = new String(message, 0, Math.min(message.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1);
        if (RUN_TOGETHER_HEADERS.matcher(start).find()) {
            throw new FlattenedMessageException();
        }
    }
}
