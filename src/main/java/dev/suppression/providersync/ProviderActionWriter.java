package dev.suppression.providersync;

import dev.suppression.suppression.AddressCleared;
import dev.suppression.suppression.AddressSuppressed;
import dev.suppression.suppression.AddressesSuppressed;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes one action per connected provider into the outbox inside the transaction that cleared or suppressed the
 * address: it commits with the change or not at all. An address imported from a provider is never pushed back to
 * that provider.
 */
@Component
class ProviderActionWriter {

    private final ConnectedLists lists;
    private final ProviderActions actions;

    ProviderActionWriter(ConnectedLists lists, ProviderActions actions) {
        this.lists = lists;
        this.actions = actions;
    }

    @EventListener
    void cleared(AddressCleared cleared) {
        for (var list : lists.all()) {
            actions.add(list.provider(), ActionKind.REMOVE, cleared.address().value(), null, cleared.at());
        }
    }

    @EventListener
    void suppressed(AddressSuppressed suppressed) {
        suppressedAll(new AddressesSuppressed(List.of(suppressed)));
    }

    @EventListener
    void suppressedAll(AddressesSuppressed batch) {
        for (var list : lists.all()) {
            if (!list.addsOnSuppress()) {
                continue;
            }
            var origin = ImportOrigin.of(list.provider());
            var wanted = batch.addresses().stream().filter(s -> !origin.equals(s.origin())).toList();
            if (!wanted.isEmpty()) {
                actions.addAll(list.provider(), ActionKind.ADD, wanted.stream().map(s -> s.address().value()).toList(),
                        wanted.stream().map(AddressSuppressed::reason).toList(), wanted.getFirst().at());
            }
        }
    }
}
