/**
 * Bounce-rate monitoring: sends, deliveries, hard bounces and complaints counted per minute, stream, list source
 * and recipient domain, the rates judged against the mailbox providers' thresholds, as JSON, gauges and alerts.
 */
@NullMarked
package dev.suppression.bouncerate;

import org.jspecify.annotations.NullMarked;
