package dev.suppression.mailbox;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The bounce-mailbox poller ({@code suppression.mailbox.*}); off unless {@code enabled}.
 *
 * @param enabled            polls the mailbox every {@code interval} when true
 * @param protocol           {@code IMAP} (processed messages are moved) or {@code POP3} (they are deleted)
 * @param host               the mail server; required when enabled
 * @param port               the server's port; 0 takes the protocol's (143/993 for IMAP, 110/995 for POP3)
 * @param tls                implicit TLS from the first byte (IMAPS on 993, POP3S on 995)
 * @param starttls           upgrades a plain connection with STARTTLS (IMAP) or STLS (POP3), and refuses a server
 *                           that does not offer it
 * @param user               the mailbox login; required when enabled
 * @param password           the mailbox password; required when enabled
 * @param folder             the folder bounces arrive in (IMAP; POP3 has only {@code INBOX})
 * @param interval           the pause between the end of one poll and the start of the next
 * @param processedFolder    where ingested bounces go (IMAP); created when missing
 * @param failedFolder       where messages that are not bounces, unreadable or too large go (IMAP), for people to
 *                           read; created when missing
 * @param maxMessagesPerPoll the most messages one poll handles; the rest wait for the next poll
 * @param timeout            connect and read timeout for the mail server
 * @param pop3KeepFailed     POP3 only: leave the messages that IMAP would move to the failed folder on the server
 *                           (passed by until a restart, then read and passed by again) instead of deleting them
 */
@Validated
@ConfigurationProperties("suppression.mailbox")
public record MailboxSettings(@DefaultValue("false") boolean enabled,
                              @NotNull @DefaultValue("IMAP") Protocol protocol,
                              @NotNull @DefaultValue("") String host,
                              @Min(0) @Max(65_535) @DefaultValue("0") int port,
                              @DefaultValue("false") boolean tls,
                              @DefaultValue("false") boolean starttls,
                              @NotNull @DefaultValue("") String user,
                              @Nullable String password,
                              @NotBlank @DefaultValue("INBOX") String folder,
                              @NotNull @DefaultValue("1m") Duration interval,
                              @NotBlank @DefaultValue("Processed") String processedFolder,
                              @NotBlank @DefaultValue("Failed") String failedFolder,
                              @Min(1) @Max(100_000) @DefaultValue("500") int maxMessagesPerPoll,
                              @NotNull @DefaultValue("30s") Duration timeout,
                              @DefaultValue("false") boolean pop3KeepFailed) {

    /** How the poller reaches the mailbox. */
    public enum Protocol {
        /** Folders and MOVE: ingested messages go to the processed folder, the others to the failed one. */
        IMAP(143, 993),
        /** One inbox and no flags that last: every handled message is deleted, committed when the poll ends. */
        POP3(110, 995);

        private final int plainPort;
        private final int tlsPort;

        Protocol(int plainPort, int tlsPort) {
            this.plainPort = plainPort;
            this.tlsPort = tlsPort;
        }
    }

    @AssertTrue(message = "suppression.mailbox.host, suppression.mailbox.user and suppression.mailbox.password are "
            + "required when the mailbox poller is enabled")
    public boolean isConnectable() {
        return !enabled || !host.isBlank() && !user.isBlank() && password != null;
    }

    @AssertTrue(message = "suppression.mailbox.tls (implicit TLS) and suppression.mailbox.starttls exclude each other")
    public boolean isOneTlsMode() {
        return !(tls && starttls);
    }

    @AssertTrue(message = "suppression.mailbox.processed-folder, failed-folder and folder must be three different folders")
    public boolean isFoldersDistinct() {
        return !folder.equalsIgnoreCase(processedFolder) && !folder.equalsIgnoreCase(failedFolder)
                && !processedFolder.equalsIgnoreCase(failedFolder);
    }

    /** The port to connect to: the configured one, else the protocol's. */
    public int effectivePort() {
        return port != 0 ? port : tls ? protocol.tlsPort : protocol.plainPort;
    }

    /** The Jakarta Mail store protocol name. */
    String storeProtocol() {
        var name = protocol.name().toLowerCase(java.util.Locale.ROOT);
        return tls ? name + "s" : name;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "MailboxSettings[enabled=" + enabled + ", protocol=" + protocol + ", host=" + host + ", port="
                + effectivePort() + ", tls=" + tls + ", starttls=" + starttls + ", user=" + user + ", password="
                + (password == null || password.isEmpty() ? "(none)" : "(set)") + ", folder=" + folder + ", interval="
                + interval + ", processedFolder=" + processedFolder + ", failedFolder=" + failedFolder
                + ", maxMessagesPerPoll=" + maxMessagesPerPoll + ", timeout=" + timeout + ", pop3KeepFailed=" + pop3KeepFailed
                + "]";
    }
}
