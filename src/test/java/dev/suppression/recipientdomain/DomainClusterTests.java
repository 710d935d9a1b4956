package dev.suppression.recipientdomain;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class DomainClusterTests {

    @Autowired
    MockMvcTester mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void aDomainNeverSeenIsLevelNoneNotNotFound() {
        var domain = api.domain(uniqueDomain("unseen"));

        assertThat(domain.get("level").stringValue()).isEqualTo("NONE");
        assertThat(domain.get("paused").booleanValue()).isFalse();
        assertThat(domain.get("distinctAddresses").intValue()).isZero();
        assertThat(domain.get("addresses")).isEmpty();
    }

    @Test
    void oneAddressIsASingleAddressLikelyATypoOrStaleContact() {
        var domain = uniqueDomain("single");
        api.hardBounce("typo@" + domain);

        var view = api.domain(domain);

        assertThat(view.get("level").stringValue()).isEqualTo("SINGLE_ADDRESS");
        assertThat(view.get("guidance").stringValue()).contains("typo");
        assertThat(view.get("paused").booleanValue()).isFalse();
        assertThat(view.get("addresses").get(0).get("address").stringValue()).isEqualTo("typo@" + domain);
        assertThat(view.get("addresses").get(0).get("rejectingHost").stringValue()).isEqualTo("mx1.recipient.example");
    }

    @Test
    void twoToFourDistinctAddressesAreASmallClusterThatAsksTheRecipientAdmin() {
        var domain = uniqueDomain("small");
        for (int i = 1; i <= 4; i++) {
            api.hardBounce("user" + i + "@" + domain);
            var view = api.domain(domain);
            assertThat(view.get("level").stringValue()).isEqualTo(i == 1 ? "SINGLE_ADDRESS" : "SMALL_CLUSTER");
            assertThat(view.get("paused").booleanValue()).isFalse();
        }
        assertThat(api.domain(domain).get("guidance").stringValue()).contains("recipient admin");
    }

    @Test
    void theSameAddressBouncingAgainIsCountedOnce() {
        var domain = uniqueDomain("repeat");
        for (int i = 0; i < 6; i++) {
            api.hardBounce("same@" + domain);
        }

        var view = api.domain(domain);

        assertThat(view.get("distinctAddresses").intValue()).isEqualTo(1);
        assertThat(view.get("paused").booleanValue()).isFalse();
    }

    @Test
    void fiveDistinctUnknownUsersPauseTheDomain() {
        var domain = uniqueDomain("pattern");
        for (int i = 1; i <= 5; i++) {
            api.hardBounce("user" + i + "@" + domain);
        }

        var view = api.domain(domain);
        assertThat(view.get("level").stringValue()).isEqualTo("DOMAIN_PATTERN");
        assertThat(view.get("paused").booleanValue()).isTrue();
        assertThat(view.get("pausedAt").isNull()).isFalse();
        assertThat(view.get("distinctAddresses").intValue()).isEqualTo(5);
        assertThat(view.get("addresses")).hasSize(5);

        var neverBounced = api.check("fresh@" + domain);
        assertThat(neverBounced.get("verdict").stringValue()).isEqualTo("DOMAIN_PAUSED");
        assertThat(neverBounced.get("mayMail").booleanValue()).isFalse();
        var bounced = api.check("user1@" + domain);
        assertThat(bounced.get("verdict").stringValue()).as("suppressed wins over paused").isEqualTo("SUPPRESSED");

        var paused = Api.body(mvc.get().uri("/domains").param("paused", "true").exchange());
        assertThat(paused.get("items").valueStream().map(d -> d.get("domain").stringValue())).contains(domain);
    }

    @Test
    void oneBatchCountsAndPausesExactlyAsIfItsBouncesArrivedOneByOne() {
        var domain = uniqueDomain("one-batch");
        var events = new ArrayList<String>();
        for (int i = 1; i <= 5; i++) {
            events.add(Api.userUnknown("user" + i + "@" + domain));
        }
        events.add(Api.userUnknown("user1@" + domain));
        events.add("""
                {"recipient": "user6@%s", "smtpCode": 550, "enhancedCode": "5.7.1",
                 "diagnostic": "550 5.7.1 blocked by policy"}
                """.formatted(domain));

        var answer = api.ingest("[" + String.join(",", events) + "]");

        assertThat(answer.get("accepted").intValue()).isEqualTo(7);
        var view = api.domain(domain);
        assertThat(view.get("paused").booleanValue()).isTrue();
        assertThat(view.get("distinctAddresses").intValue()).isEqualTo(5);
        var types = new ArrayList<String>();
        api.history("user1@" + domain).get("entries").forEach(e -> types.add(e.get("type").stringValue()));
        assertThat(types).containsExactly("BOUNCE", "BOUNCE", "SUPPRESSED");
        assertThat(api.check("user6@" + domain).get("verdict").stringValue()).isEqualTo("DOMAIN_PAUSED");
    }

    @Test
    void badDomainBouncesCountTowardTheClusterToo() {
        var domain = uniqueDomain("baddomain");
        for (int i = 1; i <= 5; i++) {
            api.ingest("""
                    {"recipient": "u%d@%s", "smtpCode": 550, "enhancedCode": "5.1.2", "diagnostic": "550 5.1.2 Host unknown"}
                    """.formatted(i, domain));
        }

        assertThat(api.domain(domain).get("paused").booleanValue()).isTrue();
    }

    @Test
    void softAndPolicyBouncesNeverCount() {
        var domain = uniqueDomain("soft");
        for (int i = 1; i <= 6; i++) {
            api.ingest("""
                    [{"recipient": "full%1$d@%2$s", "enhancedCode": "5.2.2"},
                     {"recipient": "block%1$d@%2$s", "enhancedCode": "5.7.1", "diagnostic": "blocked"},
                     {"recipient": "route%1$d@%2$s", "enhancedCode": "5.4.4"},
                     {"recipient": "later%1$d@%2$s", "enhancedCode": "4.4.1"}]
                    """.formatted(i, domain));
        }

        var view = api.domain(domain);
        assertThat(view.get("level").stringValue()).isEqualTo("NONE");
        assertThat(view.get("paused").booleanValue()).isFalse();
    }

    @Test
    void bouncesOutsideTheRollingWindowDoNotCount() {
        var domain = uniqueDomain("window");
        var longAgo = Instant.now().minus(25, ChronoUnit.HOURS);
        for (int i = 1; i <= 5; i++) {
            api.ingest("""
                    {"recipient": "old%d@%s", "enhancedCode": "5.1.1", "occurredAt": "%s"}
                    """.formatted(i, domain, longAgo));
        }

        var view = api.domain(domain);
        assertThat(view.get("level").stringValue()).isEqualTo("NONE");
        assertThat(view.get("paused").booleanValue()).isFalse();
        assertThat(api.check("old1@" + domain).get("verdict").stringValue())
                .as("an old hard bounce still suppresses its address").isEqualTo("SUPPRESSED");

        api.hardBounce("new@" + domain);
        assertThat(api.domain(domain).get("distinctAddresses").intValue()).isEqualTo(1);
    }

    @Test
    void thePauseIsStickyUntilOpsResumeAndCountingStartsAgainFromTheResume() {
        var domain = uniqueDomain("sticky");
        for (int i = 1; i <= 5; i++) {
            api.hardBounce("user" + i + "@" + domain);
        }
        assertThat(api.domain(domain).get("paused").booleanValue()).isTrue();

        var resumed = api.resume(domain, "MX records fixed, confirmed with their admin");

        assertThat(resumed).hasStatusOk();
        var view = Api.body(resumed);
        assertThat(view.get("paused").booleanValue()).isFalse();
        assertThat(view.get("level").stringValue()).isEqualTo("NONE");
        assertThat(api.check("fresh@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(api.check("user1@" + domain).get("verdict").stringValue())
                .as("a resume lifts the domain pause, not the address suppressions").isEqualTo("SUPPRESSED");

        for (int i = 6; i <= 9; i++) {
            api.hardBounce("user" + i + "@" + domain);
        }
        assertThat(api.domain(domain).get("paused").booleanValue()).isFalse();
        api.hardBounce("user10@" + domain);
        assertThat(api.domain(domain).get("paused").booleanValue()).isTrue();
    }

    @Test
    void aResumeKeepsTheTimeOfThePauseNextToTheTimeOfTheResume() {
        var domain = uniqueDomain("kept");
        for (int i = 1; i <= 5; i++) {
            api.hardBounce("user" + i + "@" + domain);
        }
        var pausedAt = api.domain(domain).get("pausedAt").stringValue();

        var view = Api.body(api.resume(domain, "routing confirmed by their admin"));

        assertThat(view.get("paused").booleanValue()).isFalse();
        assertThat(view.get("pausedAt").stringValue()).as("the ticket's history needs the pause time").isEqualTo(pausedAt);
        assertThat(Instant.parse(view.get("resumedAt").stringValue())).isAfter(Instant.parse(pausedAt));
        assertThat(Instant.parse(view.get("windowStart").stringValue()))
                .as("counting starts again from the resume").isEqualTo(Instant.parse(view.get("resumedAt").stringValue()));
    }

    @Test
    void resumingADomainThatIsNotPausedIsAConflict() {
        var result = api.resume(uniqueDomain("notpaused"), "just checking");

        assertThat(result).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Api.body(result).get("detail").stringValue()).contains("is not paused");
    }

    @Test
    void resumeNeedsAReason() {
        var result = mvc.post().uri("/domains/{domain}/resume", uniqueDomain("noreason"))
                .contentType(MediaType.APPLICATION_JSON).content("{}").exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void largeMailboxProvidersReportTheirLevelButAreNeverPaused() {
        var prefix = "exempt-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 6; i++) {
            api.hardBounce(prefix + "-" + i + "@gmail.com");
        }

        var view = api.domain("Gmail.COM");
        assertThat(view.get("exempt").booleanValue()).isTrue();
        assertThat(view.get("paused").booleanValue()).isFalse();
        assertThat(view.get("level").stringValue()).isEqualTo("DOMAIN_PATTERN");
        assertThat(api.check("someone-else-" + prefix + "@gmail.com").get("verdict").stringValue()).isEqualTo("ALLOW");
    }

    @Test
    void internationalizedDomainsAreOneDomainInUnicodeOrPunycode() {
        var label = "bücher" + java.util.UUID.randomUUID().toString().substring(0, 6);
        api.hardBounce("a@" + label + ".de");
        api.hardBounce("b@" + java.net.IDN.toASCII(label) + ".DE");

        var view = api.domain(label + ".de");

        assertThat(view.get("domain").stringValue()).isEqualTo(java.net.IDN.toASCII(label) + ".de");
        assertThat(view.get("distinctAddresses").intValue()).isEqualTo(2);
    }
}
