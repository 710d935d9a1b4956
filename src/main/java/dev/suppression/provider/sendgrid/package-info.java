/** SendGrid's signed Event Webhook: arrays of mixed events, verified with ECDSA over timestamp + body. */
@NullMarked
package dev.suppression.provider.sendgrid;

import org.jspecify.annotations.NullMarked;
