/** Recipient addresses and domains, normalized and validated once at the edge of the service. */
@NullMarked
package dev.suppression.address;

import org.jspecify.annotations.NullMarked;
