package dev.suppression.dsn.web;

import dev.suppression.dsn.DsnIngestion;
import dev.suppression.dsn.DsnSettings;
import dev.suppression.dsn.MessageTooLargeException;
import dev.suppression.web.HttpSettings;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Takes one whole bounce message, as received, and answers like {@code POST /bounces}. */
@RestController
class DsnController {

    static final String MESSAGE_RFC822 = "message/rfc822";

    private final DsnIngestion ingestion;
    private final long maxBytes;

    DsnController(DsnIngestion ingestion, DsnSettings settings, HttpSettings http) {
        this.ingestion = ingestion;
        // The service-wide body limit applies first; reading up to the smaller one keeps the 413 ours.
        this.maxBytes = Math.min(settings.maxMessageSize().toBytes(), http.maxRequestBody().toBytes());
    }

    @PostMapping(path = "/bounces/dsn", consumes = MESSAGE_RFC822)
    IngestionResponse ingest(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge();
        }
        var message = readAtMost(request.getInputStream());
        FlattenedMessageException.refuseIfFlattened(message);
        return IngestionResponse.of(ingestion.ingest(message));
    }

    /** Reads the body, refusing it as soon as it crosses the limit, so a huge message is never held whole. */
    private byte[] readAtMost(InputStream body) throws IOException {
        var bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw tooLarge();
        }
        return bytes;
    }

    private MessageTooLargeException tooLarge() {
        return new MessageTooLargeException("The bounce message is larger than the " + readable(maxBytes)
                + " this endpoint accepts (suppression.dsn.max-message-size). Post it with the returned original "
                + "truncated (the recipients and responses are at the start), or raise the limit.");
    }

    private static String readable(long bytes) {
        var size = DataSize.ofBytes(bytes);
        if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
            return size.toMegabytes() + " MB";
        }
        if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
            return size.toKilobytes() + " KB";
        }
        return bytes + " bytes";
    }
}
