package dev.suppression.mailbox;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import dev.suppression.mailbox.MailboxSettings.Protocol;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Properties;

/**
 * A real IMAP and POP3 server (GreenMail) on 127.0.0.1 and ports the system picks, restarted for every test,
 * with one mailbox that bounces are delivered to.
 */
final class TestMailbox {

    static final String LOGIN = "bounces";
    static final String PASSWORD = "s3cret";

    private final GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup[] {
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort(),
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_POP3).dynamicPort()});

    GreenMailExtension extension() {
        return greenMail;
    }

    /** The mailbox's user, created on first use. */
    GreenMailUser user() {
        var user = greenMail.getUserManager().getUser(LOGIN);
        return user != null ? user : greenMail.setUser("bounces@shop.example", LOGIN, PASSWORD);
    }

    /** Delivers the message into the INBOX as it would arrive: these bytes, unchanged. */
    void deliver(byte[] raw) {
        try {
            user().deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Messages in a folder; 0 for a folder that does not exist. */
    int count(String folder) {
        try {
            var manager = greenMail.getManagers().getImapHostManager();
            var mailFolder = "INBOX".equals(folder) ? manager.getInbox(user()) : manager.getFolder(user(), folder);
            return mailFolder == null ? 0 : mailFolder.getMessageCount();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    MailboxSettings settings(Protocol protocol, int maxMessagesPerPoll) {
        return settings(protocol, maxMessagesPerPoll, false);
    }

    MailboxSettings settings(Protocol protocol, int maxMessagesPerPoll, boolean pop3KeepFailed) {
        user();
        var port = protocol == Protocol.IMAP ? greenMail.getImap().getPort() : greenMail.getPop3().getPort();
        return new MailboxSettings(true, protocol, "127.0.0.1", port, false, false, LOGIN, PASSWORD, "INBOX",
                Duration.ofMinutes(1), "Processed", "Failed", maxMessagesPerPoll, Duration.ofSeconds(10), pop3KeepFailed);
    }
}
