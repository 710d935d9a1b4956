package dev.suppression.mailbox;

import dev.suppression.bounce.IngestionOutcome;

/**
 * Where the poller hands each fetched message: the raw-bounce path ({@code DsnIngestion::ingest}), which commits
 * before it returns and throws {@code NotABounceException} / {@code UnreadableMessageException} for what it refuses.
 */
@FunctionalInterface
interface MessageIngestion {

    IngestionOutcome ingest(byte[] message);
}
