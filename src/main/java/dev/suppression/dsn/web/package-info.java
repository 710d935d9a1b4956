/** {@code POST /bounces/dsn}: one whole bounce message ({@code message/rfc822}) in, the ingestion answer out. */
@NullMarked
package dev.suppression.dsn.web;

import org.jspecify.annotations.NullMarked;
