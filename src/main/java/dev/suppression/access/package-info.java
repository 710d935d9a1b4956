/** Who may call what: API keys with roles, stored hashed, checked on every request, and per-key rate limits. */
@NullMarked
package dev.suppression.access;

import org.jspecify.annotations.NullMarked;
