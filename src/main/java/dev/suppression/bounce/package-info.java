/** Bounce ingestion: validated bounce reports in, classification, evidence, suppression and cluster rules applied. */
@NullMarked
package dev.suppression.bounce;

import org.jspecify.annotations.NullMarked;
