/** Postmark's bounce, spam complaint, delivery and tracking webhooks: one JSON object per request, HTTP basic auth. */
@NullMarked
package dev.suppression.provider.postmark;

import org.jspecify.annotations.NullMarked;
