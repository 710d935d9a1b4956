/**
 * List hygiene before a campaign: what can be known about an address without mailing it (syntax, our own list,
 * the domain's DNS, typos, role and disposable addresses, guessed local parts), never SMTP probing.
 */
@NullMarked
package dev.suppression.verification;

import org.jspecify.annotations.NullMarked;
