/** What every outbox of this service shares: the drain after commit and on a poll, and the retry backoff. */
@NullMarked
package dev.suppression.outbox;

import org.jspecify.annotations.NullMarked;
