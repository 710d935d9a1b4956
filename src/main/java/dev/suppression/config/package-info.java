/** Application-wide wiring that belongs to no single feature. */
@NullMarked
package dev.suppression.config;

import org.jspecify.annotations.NullMarked;
