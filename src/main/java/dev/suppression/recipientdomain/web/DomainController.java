package dev.suppression.recipientdomain.web;

import dev.suppression.address.DomainName;
import dev.suppression.recipientdomain.DomainClusters;
import dev.suppression.recipientdomain.DomainStatus;
import dev.suppression.recipientdomain.DomainView;
import dev.suppression.web.Actor;
import dev.suppression.web.BadRequestException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Domain clusters and pauses, for ops. */
@RestController
class DomainController {

    private final DomainClusters clusters;

    DomainController(DomainClusters clusters) {
        this.clusters = clusters;
    }

    @GetMapping("/domains/{domain}")
    DomainView domain(@PathVariable String domain) {
        return clusters.view(DomainName.parse(domain));
    }

    @GetMapping("/domains")
    PausedDomains paused(@RequestParam(defaultValue = "true") boolean paused) {
        if (!paused) {
            throw new BadRequestException("Only paused domains are listed: use ?paused=true, or GET /domains/{domain} for one domain.");
        }
        return new PausedDomains(clusters.paused());
    }

    @PostMapping("/domains/{domain}/resume")
    DomainView resume(@PathVariable String domain, @RequestBody(required = false) @Nullable ResumeRequest body,
                      @RequestHeader(name = Actor.HEADER, required = false) @Nullable String actor) {
        var name = DomainName.parse(domain);
        if (body == null || body.reason() == null || body.reason().isBlank()) {
            throw new BadRequestException("The body must be {\"reason\": \"...\"} saying how the domain's routing was confirmed.");
        }
        if (body.reason().indexOf('\0') >= 0 || body.reason().length() > 2000) {
            throw new BadRequestException("The reason must be at most 2000 characters, without NUL characters.");
        }
        return clusters.resume(name, body.reason().strip(), Actor.from(actor));
    }

    record ResumeRequest(@Nullable String reason) { }

    record PausedDomains(List<DomainStatus> items) { }
}
