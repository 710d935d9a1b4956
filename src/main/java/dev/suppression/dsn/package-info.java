/**
 * Raw bounce messages: reads an RFC 3464 delivery status notification or one of the plain-text bounces real
 * MTAs still send, finds each failed recipient with its SMTP response, and hands them to the one ingestion
 * path; auto-replies, feedback reports and ordinary mail are recognised and refused, never taken for bounces.
 */
@NullMarked
package dev.suppression.dsn;

import org.jspecify.annotations.NullMarked;
