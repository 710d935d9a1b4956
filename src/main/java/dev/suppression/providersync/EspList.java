package dev.suppression.providersync;

import dev.suppression.suppression.SuppressionReason;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One ESP's own suppression list, through its API. Implementations are Spring beans found by {@link #provider()};
 * each speaks its API's own paths, paging and answers.
 */
interface EspList {

    /** The provider's name, as in {@code POST /webhooks/{provider}} and {@code origin provider:<name>}. */
    String provider();

    /** This provider's settings block. */
    ProviderSyncSettings.Connection connection();

    /** Off until its key is configured. */
    default boolean connected() {
        return connection().connected();
    }

    /** Whether our suppressions are added to this list (the API can, and the settings want it). */
    default boolean addsOnSuppress() {
        return connection().addOnSuppress();
    }

    /** Removes the address from every list of this provider it can be on. */
    Outcome remove(ListedAddress address) throws ProviderHttp.CallFailed;

    /** Adds the address; only called when {@link #addsOnSuppress()}. */
    Outcome add(ListedAddress address, SuppressionReason reason) throws ProviderHttp.CallFailed;

    /**
     * Reads back an accepted removal on an eventually consistent list: {@link Outcome.Done} once the address is gone,
     * {@link Outcome.StillListed} while it is still listed.
     */
    default Outcome confirmRemoved(ListedAddress address) throws ProviderHttp.CallFailed {
        return Outcome.done();
    }

    /** One page of the provider's list; {@code cursor} null for the first, {@link Page#next()} null after the last. */
    Page page(@Nullable String cursor) throws ProviderHttp.CallFailed;

    /** An address as we hold it and as the provider spells it (SES keeps the case it was given). */
    record ListedAddress(String address, String listedAs) { }

    /** An entry of the provider's list. */
    record Entry(String address, SuppressionReason reason, @Nullable Instant since) { }

    /** A page of entries and where the next starts. */
    record Page(List<Entry> entries, @Nullable String next) { }
}
