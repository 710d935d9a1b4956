/** HTTP concerns shared by every feature: RFC 9457 problem details and the acting person. */
@NullMarked
package dev.suppression.web;

import org.jspecify.annotations.NullMarked;
