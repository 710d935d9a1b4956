/** The suppression list: hard-bounced and manually suppressed addresses, the check, and ops clearing with probation. */
@NullMarked
package dev.suppression.suppression;

import org.jspecify.annotations.NullMarked;
