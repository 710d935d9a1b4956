package dev.suppression.dsn;

import dev.suppression.bounce.BounceIngestion;
import dev.suppression.bounce.IngestionOutcome;
import dev.suppression.bounce.IngestionSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Ingests one raw bounce message: reads it, and sends each failed or delayed recipient through the same
 * ingestion path (classification, evidence, suppression, domain clusters) as {@code POST /bounces}.
 */
@Service
public class DsnIngestion {

    private static final Logger log = LoggerFactory.getLogger(DsnIngestion.class);

    private final BounceIngestion ingestion;
    private final BounceMessageParser parser = new BounceMessageParser();
    private final IngestionSettings settings;
    private final Clock clock;

    DsnIngestion(BounceIngestion ingestion, IngestionSettings settings, Clock clock) {
        this.ingestion = ingestion;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @throws UnreadableMessageException when the bytes are not a readable Internet message
     * @throws NotABounceException        when the message is something else (auto-reply, complaint, ...)
     */
    public IngestionOutcome ingest(byte[] message) {
        var bounce = parser.parse(message);
        var batch = DsnSubmissions.of(bounce, new String(message, StandardCharsets.UTF_8), clock.instant(),
                settings.maxFutureSkew());
        var outcome = ingestion.ingest(batch);
        log.info("Bounce message {} ({}, original {}): {} recipients, {} accepted, {} duplicates, {} rejected",
                bounce.messageId(), bounce.layout(), bounce.originalMessageId(), batch.size(), outcome.accepted(),
                outcome.duplicates(), outcome.rejected());
        return outcome;
    }
}
