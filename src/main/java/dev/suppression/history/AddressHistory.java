package dev.suppression.history;

import dev.suppression.address.EmailAddress;
import dev.suppression.bounce.BounceEvents;
import dev.suppression.bounce.ComplaintEvents;
import dev.suppression.providersync.ProviderActions;
import dev.suppression.suppression.SuppressionChanges;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Merges an address's bounces and state changes, oldest first, in the order the service recorded them. */
@Service
public class AddressHistory {

    private final BounceEvents bounces;
    private final SuppressionChanges changes;
    private final ComplaintEvents complaints;
    private final ProviderActions providerActions;

    AddressHistory(BounceEvents bounces, SuppressionChanges changes, ComplaintEvents complaints,
                   ProviderActions providerActions) {
        this.providerActions = providerActions;
        this.bounces = bounces;
        this.complaints = complaints;
        this.changes = changes;
    }

    @Transactional(readOnly = true)
    public List<HistoryEntry> of(EmailAddress address) {
        record Sequenced(long sequence, HistoryEntry entry) { }
        var entries = new ArrayList<Sequenced>();
        for (var b : bounces.forRecipient(address.value())) {
            var rejectingHost = b.remoteMta() != null ? b.remoteMta() : b.reportingMta();
            entries.add(new Sequenced(b.sequence(), new HistoryEntry("BOUNCE", b.occurredAt(), b.classification().name(),
                    b.reason() == null ? null : b.reason().name(), b.reasonDetail(), null, b.eventId(), b.smtpCode(),
                    b.enhancedCode(), b.diagnostic(), b.stage() == null ? null : b.stage().name(), rejectingHost,
                    b.remoteMta(), b.reportingMta(), b.messageId(), b.source(), b.origin().name().toLowerCase(Locale.ROOT),
                    b.receivedAt(), null, b.raw(), null, null)));
        }
        for (var c : complaints.forRecipient(address.value())) {
            entries.add(new Sequenced(c.sequence(), new HistoryEntry("COMPLAINT", c.occurredAt(), null, null, null, null,
                    c.eventId(), null, null, null, null, null, null, null, c.messageId(), c.source(), null,
                    c.receivedAt(), c.feedbackType(), c.raw(), null, null)));
        }
        for (var c : changes.forAddress(address.value())) {
            entries.add(new Sequenced(c.sequence(), new HistoryEntry(c.action(), c.at(), c.classification(),
                    c.reason(), null, c.actor(), null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null)));
        }
        for (var a : providerActions.allFor(address.value())) {
            var status = a.status();
            entries.add(new Sequenced(a.id(), new HistoryEntry("PROVIDER_" + a.kind().name(), a.createdAt(), null,
                    a.reason() == null ? null : a.reason().name(), null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, a.provider(), status.status())));
        }
        return entries.stream().sorted(Comparator.comparingLong(Sequenced::sequence)).map(Sequenced::entry).toList();
    }
}
