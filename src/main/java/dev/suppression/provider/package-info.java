/**
 * ESP webhooks: one endpoint per provider, each verifying the provider's own signature on the raw bytes and
 * mapping its payload onto the same ingestion path as {@code POST /bounces}. One sub-package per provider.
 */
@NullMarked
package dev.suppression.provider;

import org.jspecify.annotations.NullMarked;
