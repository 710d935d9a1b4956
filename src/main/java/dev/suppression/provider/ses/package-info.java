/**
 * Amazon SES bounce, complaint and delivery notifications, delivered by Amazon SNS over HTTPS: the SNS signature
 * is verified with the certificate SNS names (fetched only from an allowed {@code sns.<region>.amazonaws.com}
 * host), the topic must be allow-listed, and the SES JSON inside {@code Message} goes to the one ingestion path.
 */
@NullMarked
package dev.suppression.provider.ses;

import org.jspecify.annotations.NullMarked;
