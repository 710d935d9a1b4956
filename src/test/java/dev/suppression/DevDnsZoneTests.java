package dev.suppression;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.TestDnsServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The dev runner's DNS answers its demo domains itself and passes every other name on. */
class DevDnsZoneTests {

    @Test
    void theWalkThroughsGatewayDomainIsAnsweredFromTheDemoZone() throws Exception {
        var answer = ask(DevDnsZone.address(), DevDnsZone.GATEWAY_DOMAIN);

        assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(answer.getSection(Section.ANSWER)).extracting(Record::rdataToString)
                .containsExactlyInAnyOrder("10 mx0a-00251e01.pphosted.com.", "10 mx0b-00251e01.pphosted.com.");
    }

    @Test
    void aNameOutsideTheDemoZoneIsAskedOfTheUpstreamResolver() throws Exception {
        try (var upstream = new TestDnsServer().mx("acme.test", 300, "5 mx.acme.test");
             var local = new TestDnsServer().mx("demo.example", 300, "10 mx.demo.example")) {
            local.forwardingOutside("example", List.of(socket(upstream.address())));

            var forwarded = ask(local.address(), "acme.test");
            var unknownDemoName = ask(local.address(), "nobody.example");

            assertThat(forwarded.getSection(Section.ANSWER)).extracting(Record::rdataToString)
                    .containsExactly("5 mx.acme.test.");
            assertThat(upstream.queriesFor("acme.test", Type.MX)).isEqualTo(1);
            assertThat(unknownDemoName.getRcode()).isEqualTo(Rcode.NXDOMAIN);
            assertThat(upstream.queriesFor("nobody.example", Type.MX)).isZero();
        }
    }

    @Test
    void anUpstreamThatNeverAnswersIsAServerFailureNotASilence() throws Exception {
        try (var silent = new java.net.DatagramSocket(0, java.net.InetAddress.getLoopbackAddress());
             var local = new TestDnsServer()) {
            local.forwardingOutside("example", List.of(new InetSocketAddress("127.0.0.1", silent.getLocalPort())));

            var answer = ask(local.address(), "acme.test");

            assertThat(answer.getRcode()).isEqualTo(Rcode.SERVFAIL);
        }
    }

    private static Message ask(String server, String domain) throws Exception {
        var address = socket(server);
        var resolver = new SimpleResolver(address);
        resolver.setTimeout(Duration.ofSeconds(5));
        return resolver.send(Message.newQuery(Record.newRecord(Name.fromString(domain, Name.root), Type.MX, 1)));
    }

    private static InetSocketAddress socket(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        return new InetSocketAddress(hostAndPort.substring(0, colon), Integer.parseInt(hostAndPort.substring(colon + 1)));
    }
}
