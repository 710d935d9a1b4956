package dev.suppression.suppression;

import java.util.List;

/**
 * The ESPs' own lists as the check sees them: implemented by the provider sync, which follows this list's
 * changes. Without a connected provider the check shows nothing of it.
 */
public interface ProviderLists {

    /** True when at least one provider's list is connected. */
    boolean anyConnected();

    /** The latest action per connected provider for the address, oldest provider name first; empty when none. */
    List<ProviderListStatus> statusOf(String address);
}
