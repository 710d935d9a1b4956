/** Alerts to ops when a domain pauses or a cluster forms: an outbox in PostgreSQL and a signed webhook. */
@NullMarked
package dev.suppression.alert;

import org.jspecify.annotations.NullMarked;
