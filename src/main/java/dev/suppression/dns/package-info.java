/** DNS for the diagnosis: a domain's mail route (MX, the implicit MX, null MX), asked off the hot path with a timeout. */
@NullMarked
package dev.suppression.dns;

import org.jspecify.annotations.NullMarked;
