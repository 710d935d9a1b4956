package dev.suppression.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WhoIsWhoTests {

    private final WhoIsWho table = new WhoIsWho(new DiagnosisSettings(List.of(), List.of(), Duration.ofDays(14)));

    @ParameterizedTest(name = "{0} is {1} ({2})")
    @CsvSource(delimiter = '|', textBlock = """
            mx0a-00123401.pphosted.com           | Proofpoint                       | INBOUND_GATEWAY
            eu-smtp-inbound-1.mimecast.com       | Mimecast                         | INBOUND_GATEWAY
            d123456a.ess.barracudanetworks.com   | Barracuda                        | INBOUND_GATEWAY
            mx1.hc1234-56.iphmx.com              | Cisco Secure Email               | INBOUND_GATEWAY
            mx01.spamhero.com                    | SpamHero                         | INBOUND_GATEWAY
            in.tmes.trendmicro.eu                | Trend Micro                      | INBOUND_GATEWAY
            mx-01-eu-central-1.prod.hydra.sophos.com | Sophos                       | INBOUND_GATEWAY
            cluster1.eu.messagelabs.com          | Broadcom Email Security.cloud    | INBOUND_GATEWAY
            mx1.mailcontrol.com                  | Forcepoint                       | INBOUND_GATEWAY
            mx01.hornetsecurity.com              | Hornetsecurity                   | INBOUND_GATEWAY
            acme-com.mail.protection.outlook.com | Microsoft 365 / Exchange Online  | MAILBOX_PROVIDER
            AM4PEPF00027A6C.eurprd04.prod.outlook.com | Microsoft                   | MAILBOX_PROVIDER
            aspmx.l.google.com.                  | Google Workspace                 | MAILBOX_PROVIDER
            mta7.am0.yahoodns.net                | Yahoo                            | MAILBOX_PROVIDER
            mx01.mail.icloud.com                 | iCloud                           | MAILBOX_PROVIDER
            mx.zoho.eu                           | Zoho                             | MAILBOX_PROVIDER
            in1-smtp.messagingengine.com         | Fastmail                         | MAILBOX_PROVIDER
            mx1.secureserver.net                 | GoDaddy                          | MAILBOX_PROVIDER
            o1.sendgrid.net                      | SendGrid                         | SENDING_PLATFORM
            """)
    void theShippedTableNamesVendorAndRole(String host, String vendor, RejectorRole role) {
        assertThat(table.rejector(host)).isEqualTo(new Rejector(host.toLowerCase().replaceAll("\\.$", ""), role, vendor));
    }

    @Test
    void aHostNobodyListsIsUnlisted() {
        assertThat(table.rejector("mail.acme.example")).isEqualTo(new Rejector("mail.acme.example", RejectorRole.UNLISTED, null));
    }

    @Test
    void aSuffixMatchesWholeLabelsOnly() {
        assertThat(table.rejector("notpphosted.com").role()).isEqualTo(RejectorRole.UNLISTED);
    }

    @Test
    void configuredRowsWinOverTheShippedTable() {
        var configured = new WhoIsWho(new DiagnosisSettings(
                List.of(new HostVendor("gw.acme.example", "Acme gateway", RejectorRole.INBOUND_GATEWAY),
                        new HostVendor(".pphosted.com", "Proofpoint (our contract)", RejectorRole.INBOUND_GATEWAY)),
                List.of("relay.sender.example"), Duration.ofDays(14)));

        assertThat(configured.rejector("mx1.gw.acme.example").vendor()).isEqualTo("Acme gateway");
        assertThat(configured.rejector("mx0a-1.pphosted.com").vendor()).isEqualTo("Proofpoint (our contract)");
        assertThat(configured.rejector("out3.relay.sender.example").role()).isEqualTo(RejectorRole.OWN_SIDE);
    }
}
