package dev.suppression.postfixpolicy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A policy client on a real socket, as Postfix's smtpd is one: requests out, replies read back byte for byte,
 * so the tests see exactly what Postfix would.
 */
public final class PolicyClient implements AutoCloseable {

    /** The properties that turn the listener on, on a free port of 127.0.0.1. */
    public static final String ENABLED = "suppression.postfix-policy.enabled=true";
    public static final String ANY_PORT = "suppression.postfix-policy.port=0";

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private PolicyClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    public static PolicyClient connect(int port) {
        try {
            var socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(15_000);
            return new PolicyClient(socket);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not connect to the policy listener on port " + port, e);
        }
    }

    /** The request a Postfix smtpd sends when a client gives RCPT TO, trimmed to a realistic dozen attributes. */
    public static String rcpt(String recipient) {
        return request("RCPT", recipient);
    }

    public static String request(String protocolState, String recipient) {
        return """
                request=smtpd_access_policy
                protocol_state=%s
                protocol_name=ESMTP
                client_address=127.0.0.1
                client_name=localhost
                helo_name=app.sender.example
                queue_id=
                sender=app@sender.example
                recipient=%s
                recipient_count=0
                size=0
                instance=1f2e.6573a2b1.c1d3e.0
                server_address=127.0.0.1
                server_port=25

                """.formatted(protocolState, recipient);
    }

    /** Sends one request and returns the whole reply, empty line included. */
    public String ask(String request) {
        send(request);
        return reply();
    }

    public void send(String text) {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    public void send(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads up to and including the empty line that ends a reply; fails when the server closed first. */
    public String reply() {
        var bytes = new ByteArrayOutputStream();
        int previous = -1;
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new IllegalStateException("The listener closed the connection after '" + bytes + "'");
                }
                bytes.write(b);
                if (b == '\n' && previous == '\n') {
                    return bytes.toString(StandardCharsets.UTF_8);
                }
                previous = b;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server has closed this connection (a read returns end of stream within the timeout). */
    public boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    /** Whether a reply byte is waiting right now. */
    public boolean hasReplyWaiting() {
        try {
            return in.available() > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
