package dev.suppression;

import dev.suppression.support.TestDnsServer;
import org.xbill.DNS.ResolverConfig;

/**
 * The dev runner's DNS server, on 127.0.0.1: it answers the README's demo domains under {@code .example} (a name
 * RFC 2606 reserves, so no real resolver would know them) from a small zone, and passes every other question to
 * the system's resolvers. The walk-through's diagnosis then shows a real MX route, and a domain of your own
 * still resolves as it does for you.
 */
final class DevDnsZone {

    /** The Proofpoint-fronted domain of the walk-through's diagnosis step. */
    static final String GATEWAY_DOMAIN = "woodgrove.example";

    private static final TestDnsServer SERVER = new TestDnsServer()
            .mx(GATEWAY_DOMAIN, 300, "10 mx0a-00251e01.pphosted.com", "10 mx0b-00251e01.pphosted.com")
            .mx("contoso.example", 300, "0 contoso-example.mail.protection.outlook.com")
            .forwardingOutside("example", ResolverConfig.getCurrentConfig().servers());

    private DevDnsZone() {
    }

    /** {@code host:port}, as {@code suppression.dns.servers} takes it. */
    static String address() {
        return SERVER.address();
    }
}
