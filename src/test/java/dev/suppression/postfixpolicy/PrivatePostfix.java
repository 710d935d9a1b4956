package dev.suppression.postfixpolicy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Postfix instance of a test's own, from Debian's {@code postfix} package: its own configuration, queue and
 * data directories under a temporary directory, its smtpd on a free port of 127.0.0.1, no chroot, every
 * message discarded ({@code default_transport = discard:}), and the recipient restrictions asking the policy
 * listener. Nothing of it touches a system Postfix: that one's {@code /etc/postfix}, queue, ports and processes
 * are left alone, and {@link #close()} stops only this instance ({@code postfix -c DIR stop}).
 */
final class PrivatePostfix implements AutoCloseable {

    private static final Path POSTFIX = Path.of("/usr/sbin/postfix");
    private static final Path SWAKS = Path.of("/usr/bin/swaks");

    private final Path root;
    private final Path config;
    private final int smtpPort;
    private boolean running;

    private PrivatePostfix(Path root, int smtpPort) {
        this.root = root;
        this.config = root.resolve("conf");
        this.smtpPort = smtpPort;
    }

    /** Starts an instance whose smtpd consults the policy listener on {@code policyPort}. */
    static PrivatePostfix start(int policyPort) {
        requireInstalled();
        try {
            var root = Files.createTempDirectory("postfix-policy-");
            // The postfix user has to reach the queue and data directories below it.
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
            var postfix = new PrivatePostfix(root, freePort());
            postfix.configure(policyPort);
            postfix.run("start");
            postfix.running = true;
            postfix.awaitSmtpd(Duration.ofSeconds(30));
            return postfix;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not set up a private Postfix", e);
        }
    }

    private static void requireInstalled() {
        if (!Files.isExecutable(POSTFIX) || !Files.isExecutable(SWAKS)) {
            throw new IllegalStateException("This test runs a real Postfix and swaks, and " + POSTFIX + " or " + SWAKS
                    + " is missing. Install Debian's packages: apt-get install postfix swaks (.ci/run does it).");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("Postfix's master must start as root (it drops to mail_owner=postfix); "
                    + "this test runs as " + System.getProperty("user.name") + ". Run it as root, as .ci/run does.");
        }
    }

    private void configure(int policyPort) throws IOException {
        Files.createDirectories(config);
        Files.createDirectories(root.resolve("queue"));
        var data = Files.createDirectories(root.resolve("data"));
        var lookup = data.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(data, lookup.lookupPrincipalByName("postfix"));
        Files.writeString(config.resolve("main.cf"), """
                compatibility_level = 3.6
                queue_directory = %1$s/queue
                data_directory = %1$s/data
                mail_owner = postfix
                setgid_group = postdrop
                syslog_name = postfix-policy-test
                maillog_file = %1$s/maillog
                maillog_file_prefixes = %1$s
                myhostname = policy-test.localhost
                mydomain = localhost
                myorigin = $myhostname
                mydestination =
                inet_interfaces = 127.0.0.1
                inet_protocols = ipv4
                mynetworks = 127.0.0.0/8
                relayhost =
                default_transport = discard:
                relay_transport = discard:
                alias_maps =
                alias_database =
                local_recipient_maps =
                biff = no
                smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
                smtpd_recipient_restrictions =
                    check_policy_service { inet:127.0.0.1:%2$d, timeout=10s, default_action=DEFER_IF_PERMIT },
                    permit_mynetworks, reject
                """.formatted(root, policyPort));
        // Only what an smtpd that queues and discards needs; every service without chroot (5th column "n").
        Files.writeString(config.resolve("master.cf"), """
                127.0.0.1:%d inet n - n - - smtpd
                cleanup   unix  n - n - 0 cleanup
                qmgr      unix  n - n 300 1 qmgr
                rewrite   unix  - - n - - trivial-rewrite
                bounce    unix  - - n - 0 bounce
                defer     unix  - - n - 0 bounce
                trace     unix  - - n - 0 bounce
                verify    unix  - - n - 1 verify
                flush     unix  n - n 1000? 0 flush
                proxymap  unix  - - n - - proxymap
                error     unix  - - n - - error
                retry     unix  - - n - - error
                discard   unix  - - n - - discard
                anvil     unix  - - n - 1 anvil
                scache    unix  - - n - 1 scache
                postlog   unix-dgram n - n - 1 postlogd
                """.formatted(smtpPort));
    }

    /**
     * Submits one message with swaks and returns the server's reply to RCPT TO, and to the end of DATA when
     * the recipient was accepted, as swaks shows them ({@code <-  250 ...}, {@code <** 550 ...}).
     */
    Submission submit(String recipient) {
        var output = exec(Duration.ofSeconds(60), SWAKS.toString(), "--server", "127.0.0.1:" + smtpPort,
                "--helo", "app.sender.example", "--from", "app@sender.example", "--to", recipient,
                "--timeout", "30", "--header", "Subject: policy test");
        var lines = output.lines().toList();
        String rcpt = null;
        String data = null;
        for (int i = 0; i < lines.size() - 1; i++) {
            if (lines.get(i).startsWith(" -> RCPT TO:")) {
                rcpt = reply(lines.get(i + 1));
            }
            if (lines.get(i).equals(" -> .")) {
                data = reply(lines.get(i + 1));
            }
        }
        if (rcpt == null) {
            throw new IllegalStateException("swaks never got to RCPT TO:\n" + output + "\nPostfix log:\n" + log());
        }
        return new Submission(rcpt, data, output);
    }

    /** What the server answered; {@code afterData} is null when the recipient was refused. */
    record Submission(String afterRcpt, String afterData, String transcript) { }

    private static String reply(String swaksLine) {
        // "<-  250 2.1.5 Ok" or "<** 550 5.1.1 ...": the marker, then the reply as the server sent it.
        return swaksLine.length() > 4 ? swaksLine.substring(4).strip() : swaksLine;
    }

    /** Postfix's own log of this instance, for assertion messages. */
    String log() {
        try {
            var file = root.resolve("maillog");
            return Files.exists(file) ? Files.readString(file) : "(no maillog)";
        } catch (IOException e) {
            return "(maillog unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            if (running) {
                run("stop");
                running = false;
            }
        } finally {
            deleteRecursively(root);
        }
    }

    private void run(String command) {
        exec(Duration.ofSeconds(60), POSTFIX.toString(), "-c", config.toString(), command);
    }

    private String exec(Duration timeout, String... command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).redirectInput(
                    ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeout);
            }
            if (process.exitValue() != 0 && command[0].equals(POSTFIX.toString())) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "):\n" + output + "\nPostfix log:\n" + log());
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitSmtpd(Duration timeout) {
        var deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", smtpPort), 1_000);
                return;
            } catch (IOException e) {
                sleep();
            }
        }
        throw new IllegalStateException("Postfix's smtpd did not listen on 127.0.0.1:" + smtpPort + " within "
                + timeout + ". Postfix log:\n" + log());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (var path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }
}
