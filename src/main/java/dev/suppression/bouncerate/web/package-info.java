/** {@code POST /sends} and {@code GET /stats/bounce-rates}. */
@NullMarked
package dev.suppression.bouncerate.web;

import org.jspecify.annotations.NullMarked;
