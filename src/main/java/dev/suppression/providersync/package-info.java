/**
 * The ESPs' own suppression lists kept in step with ours, both ways: an outbox of removals (on clear) and
 * additions (on suppress) sent after commit to each connected provider's API, the status of each per address, and
 * the import of a provider's list into ours.
 */
@NullMarked
package dev.suppression.providersync;

import org.jspecify.annotations.NullMarked;
