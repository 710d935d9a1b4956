package dev.suppression.mailbox;

import dev.suppression.dsn.NotABounceException;
import dev.suppression.dsn.UnreadableMessageException;
import dev.suppression.mailbox.MailboxSettings.Protocol;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessageRemovedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.UIDFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.pop3.POP3Folder;
import org.eclipse.angus.mail.pop3.POP3Message;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

/**
 * Fetches the messages waiting in the bounce mailbox and ingests each one; only after the ingestion has committed
 * is the message moved to the processed folder (IMAP) or marked for deletion (POP3). A process that dies in
 * between leaves the message where it was, and the next poll ingests it again: its event ids (the original
 * Message-ID + recipient + status, or the bounce's own Message-ID) make every recipient a duplicate, so nothing
 * is lost and nothing is counted twice.
 * <p>
 * POP3 has no folders and no lasting flags: deletions are committed when the poll ends (QUIT), so a crash during
 * a poll leaves every message of that poll on the server, to be ingested again as duplicates.
 */
public class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    private static final String POP3_FOLDER = "INBOX";
    private static final int FETCH_WINDOW = 100;

    private final MailboxSettings settings;
    private final MessageIngestion ingestion;
    private final long maxMessageBytes;
    private final MeterRegistry meters;
    private final boolean moveWhenOffered;
    /** The UIDLs of POP3 messages kept on the server though not bounces, so later polls pass them by. */
    private final Set<String> keptOnPop3Server = ConcurrentHashMap.newKeySet();

    /**
     * @param maxMessageBytes the largest message fetched ({@code suppression.dsn.max-message-size}); a larger one
     *                        is moved to the failed folder (deleted with POP3) without being read whole
     */
    MailboxPoller(MailboxSettings settings, MessageIngestion ingestion, long maxMessageBytes, MeterRegistry meters) {
        this(settings, ingestion, maxMessageBytes, meters, true);
    }

    /** @param moveWhenOffered false copies and deletes even on a server that offers MOVE, as on one that does not */
    MailboxPoller(MailboxSettings settings, MessageIngestion ingestion, long maxMessageBytes, MeterRegistry meters,
                  boolean moveWhenOffered) {
        this.settings = settings;
        this.ingestion = ingestion;
        this.maxMessageBytes = maxMessageBytes;
        this.meters = meters;
        this.moveWhenOffered = moveWhenOffered;
    }

    /**
     * One poll: connects, handles up to {@code max-messages-per-poll} messages, disconnects. A problem with the mail
     * server or the database ends the poll early and is reported in the answer, never thrown.
     */
    public MailboxPoll pollOnce() {
        var tally = new Tally();
        try (var store = connect()) {
            var inbox = store.getFolder(settings.protocol() == Protocol.IMAP ? settings.folder() : POP3_FOLDER);
            inbox.open(Folder.READ_WRITE);
            try {
                handleWaiting(inbox, disposal(store, inbox), tally);
            } catch (MessagingException | RuntimeException e) {
                closeCommitting(inbox);
                throw e;
            }
            // Not in a finally: a process that dies (an Error) must not commit POP3 deletions on its way out.
            closeCommitting(inbox);
        } catch (MessagingException | RuntimeException e) {
            log.warn("Bounce mailbox {}@{} ({}): the poll stopped: {}", settings.user(), settings.host(),
                    settings.protocol(), e.toString());
            tally.problem = "the mail server: " + e.getMessage();
        }
        var poll = tally.toPoll();
        meters.counter("suppression.mailbox.polls", "result", poll.completed() ? "completed" : "stopped").increment();
        if (poll.bounces() + poll.notBounces() + poll.unreadable() + poll.tooLarge() + poll.left() > 0) {
            log.info("Bounce mailbox poll: {} bounces ({} recipients accepted, {} duplicates, {} rejected), {} not bounces, "
                            + "{} unreadable, {} too large, {} left for the next poll", poll.bounces(), poll.accepted(),
                    poll.duplicates(), poll.rejected(), poll.notBounces(), poll.unreadable(), poll.tooLarge(), poll.left());
        }
        return poll;
    }

    private void handleWaiting(Folder inbox, Disposal disposal, Tally tally) throws MessagingException {
        var messages = inbox.getMessages();
        disposal.forgetAllBut(messages);
        var profile = new FetchProfile();
        profile.add(FetchProfile.Item.FLAGS);
        profile.add(FetchProfile.Item.SIZE);
        if (settings.protocol() == Protocol.IMAP) {
            profile.add("Message-ID");
        }
        // Fetched a window at a time: a mailbox with a backlog of many thousands is never described at once.
        int window = Math.min(settings.maxMessagesPerPoll(), FETCH_WINDOW);
        int handled = 0;
        for (int from = 0; from < messages.length && handled < settings.maxMessagesPerPoll(); from += window) {
            var batch = Arrays.copyOfRange(messages, from, Math.min(messages.length, from + window));
            inbox.fetch(batch, profile);
            for (var message : batch) {
                if (handled == settings.maxMessagesPerPoll()) {
                    return;
                }
                if (message.isExpunged() || disposal.alreadySetAside(message)) {
                    continue;
                }
                if (!handleAndDispose(message, disposal, tally)) {
                    return;
                }
                handled++;
            }
        }
    }

    /** Handles one message and disposes of it; false when the poll has to stop. */
    private boolean handleAndDispose(Message message, Disposal disposal, Tally tally) throws MessagingException {
        var fate = ingest(message);
        if (message instanceof POP3Message fetched) {
            // Angus keeps each retrieved POP3 message until the folder closes: a poll of hundreds would add up.
            fetched.invalidate(true);
        }
        count(fate, tally);
        try {
            switch (fate.kind) {
                case BOUNCE -> disposal.processed(message);
                case NOT_A_BOUNCE, UNREADABLE, TOO_LARGE -> disposal.failed(message);
                case LEFT -> { }
                case STOP -> {
                    tally.problem = fate.detail;
                    return false;
                }
            }
        } catch (MessageRemovedException e) {
            // Another instance polling the same mailbox moved it first; its recipients were duplicates here.
            log.info("Bounce mailbox message #{} was removed by another client before it could be moved",
                    message.getMessageNumber());
        }
        return true;
    }

    private Fate ingest(Message message) throws MessagingException {
        var size = message.getSize();
        if (size > maxMessageBytes && settings.protocol() == Protocol.POP3) {
            // A POP3 server without TOP sends the whole message for its headers: name it by number only.
            return tooLarge("#" + message.getMessageNumber(), size);
        }
        var id = describe(message);
        if (size > maxMessageBytes) {
            return tooLarge(id, size);
        }
        byte[] raw;
        try {
            raw = read(message);
        } catch (TooLargeException e) {
            return tooLarge(id, e.bytesRead);
        } catch (FolderClosedException | StoreClosedException e) {
            throw e;
        } catch (IOException | MessagingException e) {
            log.warn("Bounce mailbox message {} could not be fetched, left for the next poll: {}", id, e.toString());
            return Fate.left();
        }
        try {
            var outcome = ingestion.ingest(raw);
            return new Fate(Kind.BOUNCE, "", outcome.accepted(), outcome.duplicates(), outcome.rejected());
        } catch (NotABounceException e) {
            log.info("Bounce mailbox message {} is not a bounce ({}), set aside: {}", id, e.kind(), e.getMessage());
            return new Fate(Kind.NOT_A_BOUNCE, e.getMessage(), 0, 0, 0);
        } catch (UnreadableMessageException e) {
            log.warn("Bounce mailbox message {} is unreadable, set aside: {}", id, e.getMessage());
            return new Fate(Kind.UNREADABLE, e.getMessage(), 0, 0, 0);
        } catch (RuntimeException e) {
            if (databaseUnavailable(e)) {
                log.warn("Bounce mailbox message {} left for the next poll: the database is unavailable ({})", id,
                        e.toString());
                return new Fate(Kind.STOP, "the database is unavailable: " + e.getMessage(), 0, 0, 0);
            }
            // Not the message's fault as far as we know: it stays in the mailbox, and every poll tries it again.
            log.error("Bounce mailbox message {} could not be ingested, left for the next poll", id, e);
            return Fate.left();
        }
    }

    /**
     * Spring's data-access and transaction failures, and a connection the database cut off mid-transaction, which
     * JPA reports as a failed rollback (SQLState class 08 is "connection exception", 57P01-57P03 shutdowns).
     */
    private static boolean databaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException || cause instanceof TransactionException
                    || cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof org.hibernate.TransactionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private Fate tooLarge(String id, long size) {
        log.warn("Bounce mailbox message {} has {} bytes, more than the {} of suppression.dsn.max-message-size: set "
                + "aside unread", id, size, maxMessageBytes);
        return new Fate(Kind.TOO_LARGE, "", 0, 0, 0);
    }

    /** The message as received, streamed into a buffer that refuses to grow past the limit. */
    private byte[] read(Message message) throws IOException, MessagingException {
        var buffer = new BoundedBuffer(maxMessageBytes);
        message.writeTo(buffer);
        return buffer.toByteArray();
    }

    private Store connect() throws MessagingException {
        var protocol = settings.storeProtocol();
        var timeout = String.valueOf(settings.timeout().toMillis());
        var properties = new Properties();
        properties.setProperty("mail.store.protocol", protocol);
        properties.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        properties.setProperty("mail." + protocol + ".timeout", timeout);
        if (settings.tls() || settings.starttls()) {
            properties.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        if (settings.starttls()) {
            properties.setProperty("mail." + protocol + ".starttls.enable", "true");
            properties.setProperty("mail." + protocol + ".starttls.required", "true");
        }
        var store = Session.getInstance(properties).getStore(protocol);
        store.connect(settings.host(), settings.effectivePort(), settings.user(), settings.password());
        return store;
    }

    private Disposal disposal(Store store, Folder inbox) throws MessagingException {
        if (settings.protocol() == Protocol.POP3) {
            return new Pop3Deletion((POP3Folder) inbox, settings.pop3KeepFailed(), keptOnPop3Server);
        }
        var move = moveWhenOffered && store instanceof IMAPStore imap && imap.hasCapability("MOVE") && inbox instanceof IMAPFolder;
        return new ImapMove(inbox, existing(store, settings.processedFolder()), existing(store, settings.failedFolder()), move);
    }

    private static Folder existing(Store store, String name) throws MessagingException {
        var folder = store.getFolder(name);
        if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("the folder " + name + " does not exist and cannot be created");
        }
        return folder;
    }

    /** Expunges what was moved by copy and delete (IMAP), or commits the deletions with QUIT (POP3). */
    private static void closeCommitting(Folder inbox) {
        if (!inbox.isOpen()) {
            return;
        }
        try {
            inbox.close(true);
        } catch (MessagingException e) {
            log.warn("Bounce mailbox: closing {} failed, its handled messages stay until the next poll: {}",
                    inbox.getFullName(), e.toString());
        }
    }

    private void count(Fate fate, Tally tally) {
        switch (fate.kind) {
            case BOUNCE -> {
                tally.bounces++;
                tally.accepted += fate.accepted;
                tally.duplicates += fate.duplicates;
                tally.rejected += fate.rejected;
            }
            case NOT_A_BOUNCE -> tally.notBounces++;
            case UNREADABLE -> tally.unreadable++;
            case TOO_LARGE -> tally.tooLarge++;
            case LEFT, STOP -> tally.left++;
        }
        Counter.builder("suppression.mailbox.messages").description("Messages fetched from the bounce mailbox, by outcome")
                .tag("outcome", fate.kind.name().toLowerCase(Locale.ROOT)).register(meters).increment();
    }

    /** The Message-ID for the log, read from the headers alone. */
    private static String describe(Message message) {
        try {
            var ids = message.getHeader("Message-ID");
            if (ids != null && ids.length > 0 && !ids[0].isBlank()) {
                return ids[0].strip();
            }
        } catch (MessagingException | RuntimeException e) {
            // A header that cannot be read is the ingestion's to report; the log names the message by number.
        }
        return "#" + message.getMessageNumber() + " (no Message-ID)";
    }

    /** What becomes of a handled message on the server. */
    private sealed interface Disposal permits ImapMove, Pop3Deletion {

        void processed(Message message) throws MessagingException;

        void failed(Message message) throws MessagingException;

        /** Handled by an earlier poll, and only its removal is missing or was not wanted. */
        boolean alreadySetAside(Message message) throws MessagingException;

        /** Drops what it remembers of messages no longer in the mailbox. */
        default void forgetAllBut(Message[] present) throws MessagingException {
        }
    }

    /**
     * IMAP: each message is moved as soon as it is handled (RFC 6851 MOVE), or copied and flagged \Deleted when the
     * server has no MOVE, the flagged ones expunged when the poll ends.
     */
    private record ImapMove(Folder inbox, Folder processedFolder, Folder failedFolder, boolean move) implements Disposal {

        @Override
        public void processed(Message message) throws MessagingException {
            moveTo(message, processedFolder);
        }

        @Override
        public void failed(Message message) throws MessagingException {
            moveTo(message, failedFolder);
        }

        /** Copied to its folder by an earlier poll that could not expunge (no MOVE): only the expunge is missing. */
        @Override
        public boolean alreadySetAside(Message message) throws MessagingException {
            return message.isSet(Flags.Flag.DELETED);
        }

        private void moveTo(Message message, Folder target) throws MessagingException {
            var one = new Message[] {message};
            if (move) {
                ((IMAPFolder) inbox).moveMessages(one, target);
            } else {
                inbox.copyMessages(one, target);
                message.setFlag(Flags.Flag.DELETED, true);
            }
        }
    }

    /**
     * POP3: every bounce is deleted, and so is every other message unless {@code keepFailed}; the server carries the
     * deletions out at QUIT. Kept messages are remembered by UIDL, so later polls pass them by until a restart.
     */
    private record Pop3Deletion(POP3Folder inbox, boolean keepFailed, Set<String> kept) implements Disposal {

        @Override
        public void processed(Message message) throws MessagingException {
            message.setFlag(Flags.Flag.DELETED, true);
        }

        @Override
        public void failed(Message message) throws MessagingException {
            if (keepFailed) {
                kept.add(inbox.getUID(message));
            } else {
                message.setFlag(Flags.Flag.DELETED, true);
            }
        }

        @Override
        public boolean alreadySetAside(Message message) throws MessagingException {
            return kept.contains(inbox.getUID(message));
        }

        @Override
        public void forgetAllBut(Message[] present) throws MessagingException {
            var profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            inbox.fetch(present, profile);
            var uids = new java.util.HashSet<String>();
            for (var message : present) {
                uids.add(inbox.getUID(message));
            }
            kept.retainAll(uids);
        }
    }

    private enum Kind { BOUNCE, NOT_A_BOUNCE, UNREADABLE, TOO_LARGE, LEFT, STOP }

    private record Fate(Kind kind, String detail, int accepted, int duplicates, int rejected) {

        static Fate left() {
            return new Fate(Kind.LEFT, "", 0, 0, 0);
        }
    }

    private static final class Tally {
        int bounces;
        int accepted;
        int duplicates;
        int rejected;
        int notBounces;
        int unreadable;
        int tooLarge;
        int left;
        @Nullable String problem;

        MailboxPoll toPoll() {
            return new MailboxPoll(bounces, accepted, duplicates, rejected, notBounces, unreadable, tooLarge, left, problem);
        }
    }

    private static final class TooLargeException extends IOException {
        final long bytesRead;

        TooLargeException(long bytesRead) {
            super("over the message size limit");
            this.bytesRead = bytesRead;
        }
    }

    /** Holds at most {@code limit} bytes; one more and the fetch is abandoned. */
    private static final class BoundedBuffer extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        private final long limit;

        BoundedBuffer(long limit) {
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            ensureRoom(1);
            bytes.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            ensureRoom(len);
            bytes.write(b, off, len);
        }

        byte[] toByteArray() {
            return bytes.toByteArray();
        }

        private void ensureRoom(int more) throws TooLargeException {
            if (bytes.size() + (long) more > limit) {
                throw new TooLargeException(bytes.size() + (long) more);
            }
        }
    }
}
