/** What a bounce means: SMTP reply and enhanced status codes (RFC 3463), the SMTP stage and the classification table. */
@NullMarked
package dev.suppression.classification;

import org.jspecify.annotations.NullMarked;
