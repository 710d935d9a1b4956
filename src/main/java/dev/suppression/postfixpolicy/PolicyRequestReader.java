package dev.suppression.postfixpolicy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads policy requests off one connection: {@code name=value} lines ended by LF, a request ended by an empty
 * line (SMTPD_POLICY_README). A CR before the LF, as a hand-written client sends it, is dropped. A line longer
 * than {@link #MAX_LINE_BYTES} is skipped to its end without being held in memory, so no client can make the
 * listener buffer more than one short line.
 */
final class PolicyRequestReader {

    /** Well above any attribute Postfix sends (its own {@code line_length_limit} is 2048). */
    static final int MAX_LINE_BYTES = 8192;

    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private final byte[] line = new byte[MAX_LINE_BYTES];
    private int position;
    private int limit;

    PolicyRequestReader(InputStream in) {
        this.in = in;
    }

    /** The next request; null when the client closed the connection, also in the middle of a request. */
    @Nullable PolicyRequest next() throws IOException {
        String request = null;
        String protocolState = null;
        String recipient = null;
        String queueId = null;
        String clientAddress = null;
        int unreadable = 0;
        while (true) {
            int length = readLine();
            if (length == END_OF_STREAM) {
                return null;
            }
            if (length == 0) {
                return new PolicyRequest(request, protocolState, recipient, queueId, clientAddress, unreadable);
            }
            if (length == TOO_LONG) {
                unreadable++;
                continue;
            }
            int equals = indexOf(line, length, (byte) '=');
            if (equals <= 0) {
                unreadable++;
                continue;
            }
            switch (name(equals)) {
                case "request" -> request = value(equals, length);
                case "protocol_state" -> protocolState = value(equals, length);
                case "recipient" -> recipient = value(equals, length);
                case "queue_id" -> queueId = value(equals, length);
                case "client_address" -> clientAddress = value(equals, length);
                default -> {
                    // One of the attributes the answer does not depend on.
                }
            }
        }
    }

    private static final int END_OF_STREAM = -1;
    private static final int TOO_LONG = -2;

    /** Reads one line into {@link #line}; its length without the line end, or END_OF_STREAM or TOO_LONG. */
    private int readLine() throws IOException {
        int length = 0;
        boolean tooLong = false;
        while (true) {
            if (position == limit && !fill()) {
                return END_OF_STREAM;
            }
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            if (length < MAX_LINE_BYTES) {
                line[length++] = b;
            } else {
                tooLong = true;
            }
        }
        if (tooLong) {
            return TOO_LONG;
        }
        return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        return true;
    }

    private String name(int equals) {
        return new String(line, 0, equals, StandardCharsets.US_ASCII);
    }

    private String value(int equals, int length) {
        return new String(line, equals + 1, length - equals - 1, StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, int length, byte wanted) {
        for (int i = 0; i < length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
