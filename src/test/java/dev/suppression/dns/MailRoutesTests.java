package dev.suppression.dns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.address.DomainName;
import dev.suppression.support.TestDnsServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

class MailRoutesTests {

    private static final TestDnsServer dns = new TestDnsServer();

    private final MailRoutes routes = new MailRoutes(
            new DnsSettings(List.of(dns.address()), Duration.ofMillis(500), Duration.ZERO, Duration.ofHours(1), 100),
            Clock.systemUTC());

    @AfterAll
    static void stop() {
        dns.close();
    }

    @Test
    void mxRecordsAreReadInPreferenceOrder() {
        dns.mx("acme.test", 300, "20 mx2.acme.test", "10 mx1.acme.test");

        assertThat(routes.of(new DomainName("acme.test"))).isEqualTo(new MailRoute.Exchangers(List.of(
                new MailExchanger(10, "mx1.acme.test"), new MailExchanger(20, "mx2.acme.test"))));
    }

    @Test
    void aNullMxSaysTheDomainTakesNoMail() {
        dns.nullMx("no-mail.test");

        assertThat(routes.of(new DomainName("no-mail.test"))).isEqualTo(new MailRoute.NullMx());
    }

    @Test
    void withoutMxTheDomainsOwnAddressIsTheImplicitMx() {
        dns.a("only-a.test", "192.0.2.10");
        dns.aaaa("only-aaaa.test", "2001:db8::10");

        assertThat(routes.of(new DomainName("only-a.test"))).isEqualTo(new MailRoute.ImplicitMx("only-a.test"));
        assertThat(routes.of(new DomainName("only-aaaa.test"))).isEqualTo(new MailRoute.ImplicitMx("only-aaaa.test"));
    }

    @Test
    void aDomainWithoutMxOrAddressHasNoMailHost() {
        dns.exists("bare.test");

        assertThat(routes.of(new DomainName("bare.test")))
                .isEqualTo(new MailRoute.NoMailHost("the domain bare.test has no MX, A or AAAA record"));
    }

    @Test
    void aDomainThatDoesNotExistHasNoMailHost() {
        assertThat(routes.of(new DomainName("never-registered.test")))
                .isEqualTo(new MailRoute.NoMailHost("the domain never-registered.test does not exist (NXDOMAIN)"));
    }

    @Test
    void servfailLeavesTheRouteUnknownNotAbsent() {
        dns.servfail("broken-dns.test");

        var route = routes.of(new DomainName("broken-dns.test"));

        assertThat(route).isEqualTo(new MailRoute.Unknown("the DNS server answered SERVFAIL for MX broken-dns.test."));
        assertThat(route.known()).isFalse();
    }

    @Test
    void aSlowServerIsUnknownAfterTheTimeoutNotAWait() {
        dns.slow("slow-dns.test", Duration.ofSeconds(3));

        long started = System.nanoTime();
        var route = routes.of(new DomainName("slow-dns.test"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
        assertThat(route).isEqualTo(new MailRoute.Unknown("no answer within 500ms for MX slow-dns.test."));
    }

    @Test
    void anAnswerIsKeptForItsTtl() {
        dns.mx("cached.test", 300, "10 mx.cached.test");
        routes.of(new DomainName("cached.test"));
        dns.mx("cached.test", 300, "10 other.cached.test");

        assertThat(routes.of(new DomainName("cached.test")))
                .isEqualTo(new MailRoute.Exchangers(List.of(new MailExchanger(10, "mx.cached.test"))));
        assertThat(dns.queriesFor("cached.test", Type.MX)).isEqualTo(1);
    }

    @Test
    void namesAreAskedAbsoluteNeverWithASearchSuffix() {
        dns.mx("absolute.test", 300, "10 mx.absolute.test");

        routes.of(new DomainName("absolute.test"));

        assertThat(dns.queriesFor("absolute.test", Type.MX)).isEqualTo(1);
    }
}
