/** {@code POST /verify}: JSON in and out, or a CSV/NDJSON list in and a CSV report out. */
@NullMarked
package dev.suppression.verification.web;

import org.jspecify.annotations.NullMarked;
