package dev.suppression.diagnosis;

/** Where along the path a rejection happened, which decides whom to ask about it. */
public enum RejectorRole {
    /** Our own MTA refused it, or no remote host was involved at all: look at our side first. */
    OWN_SIDE,
    /** The ESP or sending platform refused it itself (its own suppression list, {@code origin: sender}). */
    SENDING_PLATFORM,
    /**
     * A filtering gateway in front of the mailbox provider (Proofpoint, Mimecast, ...): it may check recipients
     * against its own table, which goes stale when the directory sync breaks.
     */
    INBOUND_GATEWAY,
    /** The provider hosting the mailboxes (Microsoft 365, Google Workspace, ...): its word on a mailbox is final. */
    MAILBOX_PROVIDER,
    /** A host the vendor table does not know: often the recipient's own mail server. */
    UNLISTED
}
