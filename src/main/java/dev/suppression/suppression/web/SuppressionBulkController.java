package dev.suppression.suppression.web;

import dev.suppression.suppression.BatchCheck;
import dev.suppression.suppression.ImportSummary;
import dev.suppression.suppression.SuppressionExport;
import dev.suppression.suppression.SuppressionImport;
import dev.suppression.web.Actor;
import dev.suppression.web.BadRequestException;
import dev.suppression.web.PayloadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Many addresses at once: the batch check, and import and export of the whole list. */
@RestController
class SuppressionBulkController {

    static final int MAX_BATCH_CHECK = 10_000;

    private final BatchCheck batchCheck;
    private final SuppressionImport importer;
    private final SuppressionExport exporter;

    SuppressionBulkController(BatchCheck batchCheck, SuppressionImport importer, SuppressionExport exporter) {
        this.batchCheck = batchCheck;
        this.importer = importer;
        this.exporter = exporter;
    }

    @PostMapping(path = "/suppressions/check", consumes = MediaType.APPLICATION_JSON_VALUE)
    BatchCheckResponse check(@RequestBody BatchCheckRequest request) {
        if (request.addresses() == null) {
            throw new BadRequestException("The body must be {\"addresses\": [\"...\", ...]}.");
        }
        if (request.addresses().size() > MAX_BATCH_CHECK) {
            throw new PayloadTooLargeException("A batch check takes at most " + MAX_BATCH_CHECK + " addresses; this one has "
                    + request.addresses().size() + ". Split it.");
        }
        return new BatchCheckResponse(batchCheck.check(request.addresses()));
    }

    @PostMapping(path = "/suppressions/import")
    ImportSummary importList(HttpServletRequest request,
                             @RequestHeader(name = Actor.HEADER, required = false) @Nullable String actor)
            throws IOException {
        var contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        SuppressionImport.Format format;
        if (contentType.startsWith("text/csv")) {
            format = SuppressionImport.Format.CSV;
        } else if (contentType.startsWith("application/x-ndjson") || contentType.startsWith("application/ndjson")) {
            format = SuppressionImport.Format.NDJSON;
        } else {
            throw new BadRequestException("Send the list as text/csv (address,reason[,since[,classification]]) "
                    + "or application/x-ndjson (one {\"address\": ..., \"reason\": ...} per line).");
        }
        return importer.importFrom(request.getInputStream(), format, Actor.from(actor));
    }

    /** Written straight to the response, row by row, in the request thread (no async dispatch to secure). */
    @GetMapping(path = "/suppressions/export")
    void export(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"suppressions.csv\"");
        exporter.writeCsv(response.getOutputStream());
    }

    record BatchCheckRequest(@Nullable List<@Nullable String> addresses) { }

    record BatchCheckResponse(List<BatchCheck.BatchCheckResult> results) { }
}
