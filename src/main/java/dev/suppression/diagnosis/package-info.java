/**
 * Finding the rejector: per domain and per address, who refused the mail (our side, a gateway, the mailbox
 * provider), the MX path and its history, the findings that explain a cluster, and the ticket for the
 * recipient admin.
 */
@NullMarked
package dev.suppression.diagnosis;

import org.jspecify.annotations.NullMarked;
