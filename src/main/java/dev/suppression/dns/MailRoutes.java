package dev.suppression.dns;

import dev.suppression.address.DomainName;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * A domain's mail route as DNS tells it: its MX records, RFC 5321's implicit MX (the domain's own A or AAAA
 * when it has no MX), or RFC 7505's null MX. Never throws: a failed lookup is {@link MailRoute.Unknown} with
 * the reason. Takes up to the DNS timeout, so it is asked only off the check and ingestion paths.
 */
@Service
public class MailRoutes {

    private static final Logger log = LoggerFactory.getLogger(MailRoutes.class);

    private final DnsClient dns;

    MailRoutes(DnsSettings settings, Clock clock) {
        this.dns = DnsClient.of(settings, clock);
    }

    public MailRoute of(DomainName domain) {
        try {
            return lookUp(domain.value());
        } catch (DnsLookupFailedException e) {
            log.info("MX of {} unknown: {}", domain, e.getMessage());
            return new MailRoute.Unknown(e.getMessage());
        }
    }

    private MailRoute lookUp(String domain) throws DnsLookupFailedException {
        var mx = dns.query(domain, Type.MX);
        if (mx.nameDoesNotExist()) {
            return MailRoute.NoMailHost.nameDoesNotExist(domain);
        }
        var records = mx.records().stream().map(MXRecord.class::cast).toList();
        if (records.size() == 1 && records.getFirst().getTarget().equals(Name.root)) {
            return new MailRoute.NullMx();
        }
        if (!records.isEmpty()) {
            return new MailRoute.Exchangers(records.stream()
                    .filter(r -> !r.getTarget().equals(Name.root))
                    .map(r -> new MailExchanger(r.getPriority(), host(r.getTarget())))
                    .toList());
        }
        // RFC 5321 5.1: with no MX, the domain itself is the mail host if it has an address.
        if (!dns.query(domain, Type.A).records().isEmpty() || !dns.query(domain, Type.AAAA).records().isEmpty()) {
            return new MailRoute.ImplicitMx(domain);
        }
        return new MailRoute.NoMailHost("the domain " + domain + " has no MX, A or AAAA record");
    }

    /** A host name as people write it: lower case, without the root's trailing dot. */
    private static String host(Name name) {
        var text = name.toString(true);
        return text.toLowerCase(java.util.Locale.ROOT);
    }
}
