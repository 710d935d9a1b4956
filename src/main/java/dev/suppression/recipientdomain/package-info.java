/** Per-domain clusters of hard bounces, the levels they reach and the sticky pause of a broken domain. */
@NullMarked
package dev.suppression.recipientdomain;

import org.jspecify.annotations.NullMarked;
