/**
 * Resend's webhooks, delivered by Svix: one event per request (one per recipient of its {@code to} list),
 * authenticated by an HMAC-SHA256 over the Svix message id, timestamp and body.
 */
@NullMarked
package dev.suppression.provider.resend;

import org.jspecify.annotations.NullMarked;
