/** The diagnosis over HTTP: JSON for tools, Markdown for the ticket. */
@NullMarked
package dev.suppression.diagnosis.web;

import org.jspecify.annotations.NullMarked;
