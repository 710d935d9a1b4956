package dev.suppression.suppression;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where the address stands on one ESP's own suppression list after our last change to it.
 *
 * @param provider the provider ({@code sendgrid}, {@code ses}, ...)
 * @param action   {@code remove} after a clear here, {@code add} after a suppression here
 * @param status   {@code removed at <time>}, {@code added at <time>}, {@code pending}, {@code failed: <why>} or
 *                 {@code cannot remove (compliance)}
 * @param pending  true while the action is still to be done (or confirmed) at the provider
 * @param lastError why the last attempt did not succeed, while it is retried
 */
public record ProviderListStatus(String provider, String action, String status, boolean pending,
                                 @Nullable Instant at, @Nullable String lastError) {
}
