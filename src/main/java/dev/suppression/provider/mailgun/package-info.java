/**
 * Mailgun webhooks (v3): one JSON event per request, authenticated by an HMAC-SHA256 of the signed timestamp
 * and a single-use token.
 */
@NullMarked
package dev.suppression.provider.mailgun;

import org.jspecify.annotations.NullMarked;
