package dev.suppression.mailbox;

import org.jspecify.annotations.Nullable;

/**
 * What one poll did.
 *
 * @param bounces     messages ingested as bounces (and then moved or deleted)
 * @param accepted    recipients recorded for the first time
 * @param duplicates  recipients already recorded: a message fetched again after a restart or delivered twice
 * @param rejected    recipients the ingestion refused (no valid address, nothing to classify by)
 * @param notBounces  auto-replies, complaints, ordinary mail: moved to the failed folder (IMAP) or deleted (POP3)
 * @param unreadable  binary or broken messages: likewise
 * @param tooLarge    messages over {@code suppression.dsn.max-message-size}, never fetched whole: likewise
 * @param left        messages tried but left on the server for the next poll (database unavailable, a fetch or an
 *                    ingestion that failed unexpectedly); the messages after a stop are not counted
 * @param problem     why the poll stopped early, or null when it went through
 */
public record MailboxPoll(int bounces, int accepted, int duplicates, int rejected, int notBounces, int unreadable,
                          int tooLarge, int left, @Nullable String problem) {

    public boolean completed() {
        return problem == null;
    }
}
