/**
 * The ops console: server-rendered pages under {@code /console}, signed in with an ops or admin API key, that make
 * every change through the same services as the API, so the history names the person as the API's X-Actor does.
 */
@NullMarked
package dev.suppression.console;

import org.jspecify.annotations.NullMarked;
