package dev.suppression.providersync;

import dev.suppression.suppression.ProviderListStatus;
import dev.suppression.suppression.ProviderLists;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/** The provider lists whose key is configured, and where an address stands on each. */
@Component
class ConnectedLists implements ProviderLists {

    private final Map<String, EspList> connected = new TreeMap<>();
    private final ProviderActions actions;

    ConnectedLists(List<EspList> lists, ProviderActions actions) {
        this.actions = actions;
        for (var list : lists) {
            if (list.connected()) {
                connected.put(list.provider(), list);
            }
        }
    }

    Collection<EspList> all() {
        return connected.values();
    }

    List<String> names() {
        return List.copyOf(connected.keySet());
    }

    Optional<EspList> named(String provider) {
        return Optional.ofNullable(connected.get(provider));
    }

    @Override
    public boolean anyConnected() {
        return !connected.isEmpty();
    }

    @Override
    public List<ProviderListStatus> statusOf(String address) {
        return actions.latestFor(address).stream().filter(a -> connected.containsKey(a.provider()))
                .map(ConnectedLists::status).toList();
    }

    static ProviderListStatus status(ProviderActions.Action action) {
        var kind = action.kind() == ActionKind.REMOVE ? "remove" : "add";
        var status = switch (action.state()) {
            case DONE -> (action.kind() == ActionKind.REMOVE ? "removed at " : "added at ") + action.doneAt();
            case PENDING, VERIFYING -> "pending";
            case FAILED -> "failed: " + action.lastError();
            case CANNOT_REMOVE -> "cannot remove (" + action.lastError() + ")";
            case SUPERSEDED -> "superseded";
        };
        return new ProviderListStatus(action.provider(), kind, status, action.state().open(),
                action.doneAt() != null ? action.doneAt() : action.createdAt(),
                action.state().open() ? action.lastError() : null);
    }
}
