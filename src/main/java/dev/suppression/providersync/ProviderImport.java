package dev.suppression.providersync;

import dev.suppression.address.EmailAddress;
import dev.suppression.address.InvalidAddressException;
import dev.suppression.suppression.SuppressionImport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Pulls a provider's own list into ours, page by page as its API pages, each page stored in its own transaction
 * (see {@link SuppressionImport#importFromProvider}). A 429 on a page waits as the provider says (at most
 * {@link #LONGEST_PAGE_WAIT}) and asks for the same page again.
 */
@Service
public class ProviderImport {

    private static final Logger log = LoggerFactory.getLogger(ProviderImport.class);
    private static final Duration LONGEST_PAGE_WAIT = Duration.ofMinutes(2);
    private static final int PAGE_TRIES = 5;

    private final ConnectedLists lists;
    private final SuppressionImport suppressions;
    private final ProviderActions actions;
    private final ProviderSyncSettings settings;
    private final Clock clock;
    private final MeterRegistry meters;

    ProviderImport(ConnectedLists lists, SuppressionImport suppressions, ProviderActions actions,
                   ProviderSyncSettings settings, Clock clock, MeterRegistry meters) {
        this.lists = lists;
        this.suppressions = suppressions;
        this.actions = actions;
        this.settings = settings;
        this.clock = clock;
        this.meters = meters;
    }

    public ProviderImportSummary importFrom(String provider) {
        var list = lists.named(provider).orElseThrow(() -> new ProviderNotConnectedException(provider));
        var origin = ImportOrigin.of(provider);
        long read = 0, imported = 0, rejected = 0;
        int pages = 0;
        String cursor = null;
        do {
            var page = fetch(list, cursor, new ProviderImportSummary(provider, origin, read, imported,
                    read - imported - rejected, rejected, pages));
            pages++;
            var entries = new ArrayList<SuppressionImport.ProviderEntry>();
            var addresses = new ArrayList<String>();
            var spellings = new ArrayList<String>();
            for (var entry : page.entries()) {
                read++;
                try {
                    var address = EmailAddress.parse(entry.address());
                    entries.add(new SuppressionImport.ProviderEntry(address, entry.reason(), entry.since()));
                    addresses.add(address.value());
                    spellings.add(entry.address());
                } catch (InvalidAddressException e) {
                    rejected++;
                }
            }
            actions.rememberSpelling(provider, addresses, spellings);
            imported += suppressions.importFromProvider(origin, entries);
            cursor = page.next();
        } while (cursor != null);
        var summary = new ProviderImportSummary(provider, origin, read, imported, read - imported - rejected, rejected,
                pages);
        Counter.builder("suppression.provider.imported").description("Addresses imported from an ESP's own list")
                .tag("provider", provider).register(meters).increment(imported);
        log.info("Import from {}: {} read, {} imported, {} already held, {} rejected, {} pages", provider, read,
                imported, summary.alreadyHeld(), rejected, pages);
        return summary;
    }

    private EspList.Page fetch(EspList list, @Nullable String cursor, ProviderImportSummary sofar) {
        String why = "no answer";
        for (int attempt = 1; attempt <= PAGE_TRIES; attempt++) {
            try {
                return list.page(cursor);
            } catch (ProviderHttp.CallFailed e) {
                switch (e.outcome()) {
                    case Outcome.Retry retry -> {
                        why = retry.why();
                        var wait = retry.notBefore() != null ? Duration.between(clock.instant(), retry.notBefore())
                                : settings.backoff().after(attempt);
                        if (wait.compareTo(LONGEST_PAGE_WAIT) > 0 || attempt == PAGE_TRIES) {
                            throw new ProviderImportFailedException(list.provider(), why, sofar);
                        }
                        sleep(wait);
                    }
                    case Outcome.Failed failed -> throw new ProviderImportFailedException(list.provider(), failed.why(), sofar);
                    default -> throw new ProviderImportFailedException(list.provider(), e.outcome().toString(), sofar);
                }
            }
        }
        throw new ProviderImportFailedException(list.provider(), why, sofar);
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(Math.max(0, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the import was interrupted", e);
        }
    }

    /** The schedule of {@code suppression.provider-sync.import-cron}: every connected list, one after the other. */
    @Scheduled(cron = "${suppression.provider-sync.import-cron:-}")
    void importAllOnSchedule() {
        for (var list : lists.all()) {
            try {
                importFrom(list.provider());
            } catch (RuntimeException e) {
                log.warn("Scheduled import from {} failed: {}", list.provider(), e.getMessage());
            }
        }
    }
}
