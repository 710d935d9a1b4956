/**
 * The bounce mailbox: polls an IMAP or POP3 mailbox that bounces are delivered to, ingests each message
 * through the raw-bounce path, and only then moves (IMAP) or deletes (POP3) it, so a restart neither loses
 * nor double-counts one.
 */
@NullMarked
package dev.suppression.mailbox;

import org.jspecify.annotations.NullMarked;
