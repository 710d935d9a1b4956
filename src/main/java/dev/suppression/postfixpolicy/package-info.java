/**
 * The Postfix policy server: Postfix asks over its policy delegation protocol (SMTPD_POLICY_README) whether a
 * recipient may be accepted, and gets the same verdict as {@code GET /suppressions/{address}}, so self-hosted
 * senders enforce the list in the MTA without changing their applications.
 */
@NullMarked
package dev.suppression.postfixpolicy;

import org.jspecify.annotations.NullMarked;
