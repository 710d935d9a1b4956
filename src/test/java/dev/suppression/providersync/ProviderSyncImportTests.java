package dev.suppression.providersync;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/**
 * Imports of lists larger than a page from every provider, with additions switched off
 * ({@code add-on-suppress=false}), so the imported addresses are not pushed to the other lists.
 */
@IntegrationTest
@Import(OwnDatabase.class)
class ProviderSyncImportTests {

    static final FakeEsps esps = new FakeEsps();

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        ProviderSyncTests.connectAll(registry::add, esps);
        for (var provider : new String[] {"postmark", "mailgun", "sparkpost", "resend", "ses"}) {
            registry.add("suppression.provider-sync." + provider + ".add-on-suppress", () -> "false");
        }
    }

    @AfterAll
    static void stop() {
        esps.close();
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void theImportPagesEachApiItsOwnWay() {
        var domain = uniqueDomain("sync-paging");
        var at = Instant.parse("2026-09-01T00:00:00Z");
        int sendgridCount = SendGridList.PAGE_SIZE + 3;
        for (int i = 0; i < sendgridCount; i++) {
            esps.list("sendgrid", "bounces", "sg" + i + "@" + domain, "550", at, "");
        }
        esps.list("sendgrid", "spam_reports", "sg-spam@" + domain, "", at, "");
        esps.list("sendgrid", "blocks", "sg-block@" + domain, "blocked", at, "");
        for (int i = 0; i < MailgunList.PAGE_SIZE + 2; i++) {
            esps.list("mailgun", FakeEsps.MAILGUN_DOMAIN + "/bounces", "mg" + i + "@" + domain, "550", at, "");
        }
        esps.list("mailgun", FakeEsps.MAILGUN_DOMAIN + "/complaints", "mg-spam@" + domain, "", at, "");
        for (int i = 0; i < ResendList.PAGE_SIZE + 2; i++) {
            esps.list("resend", "all", "rs" + i + "@" + domain, "bounce", at, "");
        }
        for (int i = 0; i < SesList.PAGE_SIZE + 2; i++) {
            esps.list("ses", "all", "Ses" + i + "@" + domain, "BOUNCE", at, "");
        }
        esps.list("postmark", FakeEsps.POSTMARK_STREAM, "pm@" + domain, "HardBounce", at, "Recipient");

        var sendgrid = importFrom("sendgrid");
        var mailgun = importFrom("mailgun");
        var resend = importFrom("resend");
        var ses = importFrom("ses");
        var postmark = importFrom("postmark");

        assertThat(count(domain, "provider:sendgrid")).isEqualTo(sendgridCount + 1);
        assertThat(sendgrid.get("pages").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(api.check("sg-spam@" + domain).path("suppression").get("reason").asString()).isEqualTo("COMPLAINT");
        assertThat(api.check("sg-block@" + domain).get("verdict").asString()).isEqualTo("ALLOW");
        assertThat(count(domain, "provider:mailgun")).isEqualTo(MailgunList.PAGE_SIZE + 3);
        assertThat(mailgun.get("pages").asInt()).isGreaterThanOrEqualTo(4);
        assertThat(count(domain, "provider:resend")).isEqualTo(ResendList.PAGE_SIZE + 2);
        assertThat(resend.get("pages").asInt()).isEqualTo(2);
        assertThat(count(domain, "provider:ses")).isEqualTo(SesList.PAGE_SIZE + 2);
        assertThat(ses.get("pages").asInt()).isEqualTo(2);
        assertThat(count(domain, "provider:postmark")).isEqualTo(1);
        assertThat(postmark.get("imported").asLong()).isGreaterThanOrEqualTo(1);

        var again = importFrom("resend");
        assertThat(again.get("imported").asLong()).isZero();
        assertThat(again.get("alreadyHeld").asLong()).isGreaterThanOrEqualTo(ResendList.PAGE_SIZE + 2);
    }

    @Test
    void withAdditionsOffAnImportAsksNothingOfTheOtherLists() {
        var domain = uniqueDomain("sync-no-push");
        esps.list("resend", "all", "quiet@" + domain, "bounce", Instant.parse("2026-09-01T00:00:00Z"), "");

        importFrom("resend");

        assertThat(jdbc.sql("select count(*) from provider_action where address = ?").param("quiet@" + domain)
                .query(Long.class).single()).isZero();
    }

    @Autowired
    ProviderImport imports;

    @Test
    void theScheduleImportsEveryConnectedList() {
        var domain = uniqueDomain("sync-schedule");
        esps.list("postmark", FakeEsps.POSTMARK_STREAM, "scheduled@" + domain, "SpamComplaint",
                Instant.parse("2026-09-01T00:00:00Z"), "Recipient");

        imports.importAllOnSchedule();

        assertThat(api.check("scheduled@" + domain).path("suppression").get("reason").asString()).isEqualTo("COMPLAINT");
        assertThat(count(domain, "provider:postmark")).isEqualTo(1);
    }

    private JsonNode importFrom(String provider) {
        var result = mvc.post().uri("/providers/{provider}/import", provider).exchange();
        assertThat(result).hasStatusOk();
        return Api.body(result);
    }

    private long count(String domain, String origin) {
        return jdbc.sql("select count(*) from suppression where domain = ? and origin = ? and active")
                .params(domain, origin).query(Long.class).single();
    }
}
