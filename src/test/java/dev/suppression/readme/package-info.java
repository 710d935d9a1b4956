/** The README's walk-through as a test: its commands run against the real service and must answer as shown. */
@NullMarked
package dev.suppression.readme;

import org.jspecify.annotations.NullMarked;
