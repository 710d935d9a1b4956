/** An address's evidence and state changes in one timeline, for the ops ticket. */
@NullMarked
package dev.suppression.history;

import org.jspecify.annotations.NullMarked;
