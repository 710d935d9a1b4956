package dev.suppression.suppression;

import dev.suppression.address.EmailAddress;
import dev.suppression.checkindex.CheckIndex;
import dev.suppression.recipientdomain.DomainClusters;
import dev.suppression.address.InvalidAddressException;
import dev.suppression.classification.Classification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import of an existing suppression list (users moving from an ESP's own list), streamed in chunks so
 * memory stays bounded whatever the size. Each chunk is one transaction that takes its domains' locks in
 * order, like every other change to the list, and records an IMPORTED change per address.
 *
 * <p>Rows: {@code address,reason[,since[,classification]]} as CSV (a header line is skipped) or NDJSON objects
 * with those fields. {@code reason} is HARD_BOUNCE, MANUAL or COMPLAINT (blank: MANUAL).
 */
@Service
public class SuppressionImport {

    private static final Logger log = LoggerFactory.getLogger(SuppressionImport.class);
    private static final int CHUNK = 5_000;
    private static final int MAX_ERRORS = 1_000;

    /** The two formats the import reads. */
    public enum Format { CSV, NDJSON }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;
    private final CheckIndex checkIndex;
    private final DomainClusters domainClusters;

    private final ApplicationEventPublisher events;

    SuppressionImport(JdbcClient jdbc, TransactionTemplate transaction, JsonMapper json, Clock clock,
                      CheckIndex checkIndex, DomainClusters domainClusters, ApplicationEventPublisher events) {
        this.events = events;
        this.domainClusters = domainClusters;
        this.checkIndex = checkIndex;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    public ImportSummary importFrom(InputStream body, Format format, String actor) {
        var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
        var chunk = new LinkedHashMap<String, Row>();
        var errors = new ArrayList<ImportSummary.RowError>();
        long rejected = 0, present = 0, lineNumber = 0;
        // Reading and parsing the next chunk overlaps the database storing the previous one: two cores work
        // instead of one. At most one chunk is being stored at a time, in order, so memory stays at two chunks
        // and a later row for an address meets the earlier row already stored.
        var writer = new ChunkWriter(actor);
        try (writer) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank() || (lineNumber == 1 && format == Format.CSV && isHeader(line))) {
                    continue;
                }
                try {
                    var row = format == Format.CSV ? csvRow(line) : jsonRow(line);
                    if (chunk.putIfAbsent(row.address().value(), row) != null) {
                        present++;
                    }
                } catch (RowException e) {
                    rejected++;
                    if (errors.size() < MAX_ERRORS) {
                        errors.add(new ImportSummary.RowError(lineNumber, e.getMessage()));
                    }
                }
                if (chunk.size() >= CHUNK) {
                    writer.submit(List.copyOf(chunk.values()));
                    chunk.clear();
                }
            }
            if (!chunk.isEmpty()) {
                writer.submit(List.copyOf(chunk.values()));
            }
            writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        present += writer.present;
        log.info("Import by {}: {} imported, {} already present, {} rejected", actor, writer.imported, present, rejected);
        return new ImportSummary(writer.imported, present, rejected, errors, rejected > errors.size());
    }

    /** Stores chunks on its own thread, one at a time and in order, while the caller parses the next. */
    private final class ChunkWriter implements AutoCloseable {

        private final String actor;
        private final ExecutorService thread = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().name("suppression-import").daemon().factory());
        private @Nullable Future<Long> inFlight;
        private int inFlightSize;
        long imported;
        long present;

        ChunkWriter(String actor) {
            this.actor = actor;
        }

        void submit(List<Row> rows) {
            finish();
            inFlightSize = rows.size();
            inFlight = thread.submit(() -> store(rows, actor, null));
        }

        /** Waits for the chunk being stored; a failure there (the database is gone) fails the import here. */
        void finish() {
            if (inFlight == null) {
                return;
            }
            long stored;
            try {
                stored = inFlight.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the import was interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                inFlight = null;
            }
            imported += stored;
            present += inFlightSize - stored;
        }

        /** Lets a chunk already being stored finish (commit or roll back) before the import answers. */
        @Override
        public void close() {
            thread.shutdown();
            try {
                if (!thread.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES)) {
                    log.warn("An import chunk was still being stored two minutes after the import ended");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One entry of an ESP's own list, as its API gave it. */
    public record ProviderEntry(EmailAddress address, SuppressionReason reason, @Nullable Instant since) { }

    /**
     * Takes entries read from an ESP's own list, with origin {@code provider:<name>}: what we already hold is
     * skipped, and so is an address cleared here after the provider listed it (our clear is the newer word; its
     * removal there may still be pending). Returns how many went on the list.
     */
    public long importFromProvider(String origin, List<ProviderEntry> entries) {
        var rows = new LinkedHashMap<String, Row>();
        for (var entry : entries) {
            rows.putIfAbsent(entry.address().value(), new Row(entry.address(), entry.reason(), entry.since(), null));
        }
        return rows.isEmpty() ? 0 : store(List.copyOf(rows.values()), origin, origin);
    }

    /** Stores one chunk; returns how many addresses it put on the list (new, or cleared before). */
    private long store(List<Row> rows, String actor, @Nullable String origin) {
        var now = clock.instant();
        var addresses = new String[rows.size()];
        var domains = new String[rows.size()];
        var reasons = new String[rows.size()];
        var classifications = new String[rows.size()];
        var since = new String[rows.size()];
        int i = 0;
        for (var row : rows) {
            addresses[i] = row.address().value();
            domains[i] = row.address().domain().value();
            reasons[i] = row.reason().name();
            classifications[i] = row.classification() == null ? null : row.classification().name();
            since[i] = (row.since() == null ? now : row.since()).toString();
            i++;
        }
        var domainNames = rows.stream().map(row -> row.address().domain()).distinct().toList();
        Long stored = transaction.execute(status -> {
            domainClusters.lock(domainNames);
            var changed = jdbc.sql("""
                    insert into suppression as s (address, domain, active, reason, classification, since, origin)
                    select a, d, true, r, c, t::timestamptz, ?
                    from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as x(a, d, r, c, t)
                    on conflict (address) do update set active = true, reason = excluded.reason,
                        classification = excluded.classification, since = excluded.since, probation_until = null,
                        origin = excluded.origin
                    where not s.active and (excluded.origin is null or s.cleared_at is null or s.cleared_at < excluded.since)
                    returning s.address
                    """)
                    .params(origin, addresses, domains, reasons, classifications, since).query(String.class).list();
            if (!changed.isEmpty()) {
                checkIndex.noteAddresses(changed);
                jdbc.sql("""
                        insert into suppression_change (address, action, reason, actor, at)
                        select unnest(?::text[]), 'IMPORTED', ?, ?, ?
                        """)
                        .params(changed.toArray(String[]::new),
                                origin == null ? "bulk import" : "imported from " + origin.substring(origin.indexOf(':') + 1),
                                actor, java.sql.Timestamp.from(now)).update();
                if (origin != null) {
                    var byAddress = new LinkedHashMap<String, Row>();
                    rows.forEach(row -> byAddress.put(row.address().value(), row));
                    events.publishEvent(new AddressesSuppressed(changed.stream().map(byAddress::get)
                            .map(row -> new AddressSuppressed(row.address(), row.reason(), now, origin)).toList()));
                }
            }
            return (long) changed.size();
        });
        return stored == null ? 0 : stored;
    }

    private static boolean isHeader(String line) {
        return line.toLowerCase(Locale.ROOT).replace("\"", "").strip().startsWith("address");
    }

    private static Row csvRow(String line) throws RowException {
        var fields = splitCsv(line);
        return row(fields.get(0), fields.size() > 1 ? fields.get(1) : null, fields.size() > 2 ? fields.get(2) : null,
                fields.size() > 3 ? fields.get(3) : null);
    }

    private Row jsonRow(String line) throws RowException {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JacksonException e) {
            throw new RowException("not a JSON object");
        }
        if (node == null || !node.isObject()) {
            throw new RowException("each NDJSON line must be a JSON object with 'address'");
        }
        Map<String, @Nullable String> fields = new LinkedHashMap<>();
        for (var name : List.of("address", "reason", "since", "classification")) {
            var value = node.get(name);
            if (value != null && !value.isNull() && !value.isValueNode()) {
                throw new RowException("'" + name + "' must be a string");
            }
            fields.put(name, value == null || value.isNull() ? null : value.asString());
        }
        return row(fields.get("address"), fields.get("reason"), fields.get("since"), fields.get("classification"));
    }

    private static Row row(@Nullable String address, @Nullable String reason, @Nullable String since,
                           @Nullable String classification) throws RowException {
        if (address == null || address.isBlank()) {
            throw new RowException("'address' is missing");
        }
        EmailAddress parsed;
        try {
            parsed = EmailAddress.parse(address);
        } catch (InvalidAddressException e) {
            throw new RowException(e.getMessage());
        }
        SuppressionReason parsedReason;
        try {
            parsedReason = reason == null || reason.isBlank() ? SuppressionReason.MANUAL
                    : SuppressionReason.valueOf(reason.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RowException("'reason' must be HARD_BOUNCE, MANUAL or COMPLAINT, not '" + reason + "'");
        }
        Instant parsedSince = null;
        if (since != null && !since.isBlank()) {
            try {
                parsedSince = OffsetDateTime.parse(since.strip()).toInstant();
                if (parsedSince.isBefore(Instant.parse("0001-01-01T00:00:00Z"))
                        || parsedSince.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                    throw new RowException("'since' must lie between the years 0001 and 9999");
                }
            } catch (DateTimeParseException e) {
                throw new RowException("'since' must be an RFC 3339 timestamp, not '" + since + "'");
            }
        }
        Classification parsedClassification = null;
        if (classification != null && !classification.isBlank()) {
            try {
                parsedClassification = Classification.valueOf(classification.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new RowException("'classification' is not one of " + List.of(Classification.values()));
            }
        }
        return new Row(parsed, parsedReason, parsedSince, parsedClassification);
    }

    /** RFC 4180 fields: commas inside double quotes, "" for a quote. */
    private static List<String> splitCsv(String line) {
        var fields = new ArrayList<String>();
        var current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    current.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    current.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        fields.add(current.toString());
        return fields;
    }

    private record Row(EmailAddress address, SuppressionReason reason, @Nullable Instant since,
                       @Nullable Classification classification) { }

    private static final class RowException extends Exception {
        RowException(String message) {
            super(message);
        }
    }
}
