package dev.suppression.verification.web;

import dev.suppression.verification.AddressVerification;
import dev.suppression.verification.ListVerification;
import dev.suppression.verification.VerificationSummary;
import dev.suppression.verification.VerifiedAddress;
import dev.suppression.web.BadRequestException;
import dev.suppression.web.PayloadTooLargeException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Verification before a campaign: one address or a batch as JSON, or a whole list streamed as CSV or NDJSON. */
@RestController
class VerifyController {

    static final int MAX_BATCH = 10_000;

    private final AddressVerification verification;
    private final ListVerification listVerification;

    VerifyController(AddressVerification verification, ListVerification listVerification) {
        this.verification = verification;
        this.listVerification = listVerification;
    }

    @PostMapping(path = "/verify", consumes = MediaType.APPLICATION_JSON_VALUE)
    VerifyResponse verify(@RequestBody VerifyRequest request) {
        var addresses = new ArrayList<@Nullable String>();
        if (request.address() != null) {
            addresses.add(request.address());
        }
        if (request.addresses() != null) {
            addresses.addAll(request.addresses());
        }
        if (addresses.isEmpty()) {
            throw new BadRequestException("Send {\"address\": \"ann@example.com\"} or {\"addresses\": [\"...\", ...]}"
                    + " (up to " + MAX_BATCH + "); for a longer list send it as text/csv or application/x-ndjson.");
        }
        if (addresses.size() > MAX_BATCH) {
            throw new PayloadTooLargeException("A JSON verification takes at most " + MAX_BATCH + " addresses; this one"
                    + " has " + addresses.size() + ". Send the list as text/csv or application/x-ndjson instead,"
                    + " which streams back a CSV report of any length.");
        }
        var results = verification.verify(addresses);
        long domains = results.stream().filter(r -> r.normalized() != null)
                .map(r -> r.normalized().substring(r.normalized().lastIndexOf('@') + 1)).distinct().count();
        return new VerifyResponse(results, VerificationSummary.of(results, domains));
    }

    /** Written to the response as it is verified, chunk by chunk, in the request thread. */
    @PostMapping(path = "/verify", consumes = {"text/csv", "application/x-ndjson", "application/ndjson"})
    void verifyList(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        var format = contentType.startsWith("text/csv") ? ListVerification.Format.CSV : ListVerification.Format.NDJSON;
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"verification.csv\"");
        listVerification.verify(request.getInputStream(), format, response.getOutputStream());
    }

    record VerifyRequest(@Nullable String address, @Nullable List<@Nullable String> addresses) { }

    record VerifyResponse(List<VerifiedAddress> results, VerificationSummary summary) { }
}
