/** The HTTP face of the provider sync: the import of a provider's list. */
@NullMarked
package dev.suppression.providersync.web;

import org.jspecify.annotations.NullMarked;
