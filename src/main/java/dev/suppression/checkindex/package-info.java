/**
 * An in-memory index that lets the check answer ALLOW for never-seen addresses at never-seen domains without
 * touching the database, kept coherent across instances by PostgreSQL LISTEN/NOTIFY.
 */
@NullMarked
package dev.suppression.checkindex;

import org.jspecify.annotations.NullMarked;
