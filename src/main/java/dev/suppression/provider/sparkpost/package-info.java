/** SparkPost's event webhook: batches of {@code msys} events, HTTP basic auth, mapped by bounce class. */
@NullMarked
package dev.suppression.provider.sparkpost;

import org.jspecify.annotations.NullMarked;
