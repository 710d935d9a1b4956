package dev.suppression.diagnosis.web;

import dev.suppression.address.DomainName;
import dev.suppression.address.EmailAddress;
import dev.suppression.diagnosis.Diagnoses;
import dev.suppression.diagnosis.DiagnosisTicket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Who refused a domain's or an address's mail, for ops: JSON, or the ticket text with {@code Accept: text/markdown}. */
@RestController
class DiagnosisController {

    static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

    private final Diagnoses diagnoses;

    DiagnosisController(Diagnoses diagnoses) {
        this.diagnoses = diagnoses;
    }

    @GetMapping(value = "/domains/{domain}/diagnosis", produces = {MediaType.APPLICATION_JSON_VALUE, "text/markdown"})
    ResponseEntity<?> domain(@PathVariable String domain,
                             @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        var diagnosis = diagnoses.forDomain(DomainName.parse(domain));
        return wantsMarkdown(accept) ? ResponseEntity.ok().contentType(MARKDOWN).body(DiagnosisTicket.of(diagnosis))
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(diagnosis);
    }

    @GetMapping(value = "/suppressions/{address}/diagnosis", produces = {MediaType.APPLICATION_JSON_VALUE, "text/markdown"})
    ResponseEntity<?> address(@PathVariable String address,
                              @RequestHeader(name = HttpHeaders.ACCEPT, required = false) @Nullable String accept) {
        var diagnosis = diagnoses.forAddress(EmailAddress.parse(address));
        return wantsMarkdown(accept) ? ResponseEntity.ok().contentType(MARKDOWN).body(DiagnosisTicket.of(diagnosis))
                : ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(diagnosis);
    }

    /** Markdown only when the client ranks it above JSON; JSON for no Accept, {@code *}{@code /*} or a tie. */
    private static boolean wantsMarkdown(@Nullable String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> accepted = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
        // Stable: among equal qualities the client's order decides.
        accepted.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (var type : accepted) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("markdown")) {
                return true;
            }
            if (type.isWildcardType()) {
                return false;
            }
        }
        return false;
    }
}
