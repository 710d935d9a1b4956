package dev.suppression.diagnosis;

import dev.suppression.address.DomainName;
import dev.suppression.dns.MailRoute;
import dev.suppression.dns.MailRoutes;
import java.time.Clock;
import org.springframework.stereotype.Service;

/** Looks up a domain's mail route and records what was seen: the MX evidence. Takes up to the DNS timeout. */
@Service
class MxLookups {

    private final MailRoutes routes;
    private final MxEvidence evidence;
    private final Clock clock;

    MxLookups(MailRoutes routes, MxEvidence evidence, Clock clock) {
        this.routes = routes;
        this.evidence = evidence;
        this.clock = clock;
    }

    /** Asks DNS (outside any transaction: no connection is held while waiting) and records the answer. */
    MailRoute lookUp(DomainName domain) {
        var route = routes.of(domain);
        evidence.record(domain, route, clock.instant());
        return route;
    }
}
