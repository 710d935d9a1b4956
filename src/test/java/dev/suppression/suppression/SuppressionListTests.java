package dev.suppression.suppression;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@IntegrationTest
class SuppressionListTests {

    @Autowired
    MockMvcTester mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void anAddressNeverSeenMayBeMailed() {
        var address = "new@" + uniqueDomain("fresh");

        var check = api.check(address);

        assertThat(check.get("address").stringValue()).isEqualTo(address);
        assertThat(check.get("mayMail").booleanValue()).isTrue();
        assertThat(check.get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(check.get("probation").booleanValue()).isFalse();
        assertThat(check.get("suppression").isNull()).isTrue();
        assertThat(check.get("domain").get("level").stringValue()).isEqualTo("NONE");
    }

    @Test
    void aHardBounceSuppressesTheAddressWithItsEvidence() {
        var address = "gone@" + uniqueDomain("hard");
        api.hardBounce(address);

        var check = api.check(address);

        assertThat(check.get("mayMail").booleanValue()).isFalse();
        assertThat(check.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        var suppression = check.get("suppression");
        assertThat(suppression.get("reason").stringValue()).isEqualTo("HARD_BOUNCE");
        assertThat(suppression.get("classification").stringValue()).isEqualTo("USER_UNKNOWN");
        assertThat(suppression.get("lastResponse").stringValue()).contains("User unknown in virtual mailbox table");
        assertThat(suppression.get("rejectingHost").stringValue()).isEqualTo("mx1.recipient.example");
        assertThat(suppression.get("since").isNull()).isFalse();
    }

    @Test
    void theCheckIgnoresCaseAndSurroundingSpace() {
        var domain = uniqueDomain("case");
        api.hardBounce("John.Smith@" + domain.toUpperCase());

        var check = api.check("  JOHN.smith@" + domain + " ");

        assertThat(check.get("address").stringValue()).isEqualTo("john.smith@" + domain);
        assertThat(check.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
    }

    @Test
    void aMalformedAddressIsABadRequestThatSaysWhy() {
        var result = mvc.get().uri("/suppressions/{address}", "no-at-sign.example").exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Api.body(result).get("detail").stringValue()).contains("no '@'");
    }

    @Test
    void opsCanSuppressAnAddressByHand() {
        var address = "manual@" + uniqueDomain("manual");

        var result = api.suppressManually(address, "recipient asked to stop");

        assertThat(result).hasStatusOk();
        var check = api.check(address);
        assertThat(check.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(check.get("suppression").get("reason").stringValue()).isEqualTo("MANUAL");
        var change = api.history(address).get("entries").get(0);
        assertThat(change.get("type").stringValue()).isEqualTo("MANUAL_SUPPRESSED");
        assertThat(change.get("reason").stringValue()).isEqualTo("recipient asked to stop");
        assertThat(change.get("actor").stringValue()).isEqualTo("bootstrap-admin (carol)");
    }

    @Test
    void aManualSuppressionNeedsAReason() {
        var result = mvc.put().uri("/suppressions/{address}", "x@" + uniqueDomain("noreason"))
                .contentType(MediaType.APPLICATION_JSON).content("{}").exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void clearingPutsTheAddressOnProbationAndAnswersWithTheCheckView() {
        var address = "fixed@" + uniqueDomain("clear");
        api.hardBounce(address);

        var result = api.clear(address, "mailbox recreated by admin", false);

        assertThat(result).hasStatusOk();
        var view = Api.body(result);
        assertThat(view.get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(view.get("mayMail").booleanValue()).isTrue();
        assertThat(view.get("probation").booleanValue()).isTrue();
        assertThat(view.get("suppression").isNull()).isTrue();
    }

    @Test
    void clearingNeedsAReason() {
        var address = "why@" + uniqueDomain("clear-reason");
        api.hardBounce(address);

        var result = mvc.delete().uri("/suppressions/{address}", address).exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Api.body(result).get("detail").stringValue()).contains("reason");
        assertThat(api.check(address).get("verdict").stringValue()).isEqualTo("SUPPRESSED");
    }

    @Test
    void clearingAnAddressThatIsNotSuppressedIsNotFound() {
        var result = api.clear("nobody@" + uniqueDomain("clear-404"), "just in case", false);

        assertThat(result).hasStatus(404).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Api.body(result).get("detail").stringValue()).contains("is not suppressed");
    }

    @Test
    void aHardBounceDuringProbationSuppressesAgainAndASecondClearNeedsForce() {
        var address = "cycle@" + uniqueDomain("probation");
        api.hardBounce(address);
        assertThat(api.clear(address, "admin says the mailbox exists", false)).hasStatusOk();

        api.hardBounce(address);

        var check = api.check(address);
        assertThat(check.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        var refused = api.clear(address, "trying again", false);
        assertThat(refused).hasStatus(409).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(Api.body(refused).get("detail").stringValue()).contains("force=true");
        assertThat(api.check(address).get("verdict").stringValue()).isEqualTo("SUPPRESSED");

        var forced = api.clear(address, "admin confirmed on the phone", true);
        assertThat(forced).hasStatusOk();
        assertThat(Api.body(forced).get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(Api.body(forced).get("probation").booleanValue()).isTrue();
    }

    @Test
    void twoHardBouncesInOneBatchDuringProbationResuppressOnceAndKeepTheLaterEvidence() {
        var address = "twice@" + uniqueDomain("probation-batch");
        api.hardBounce(address);
        assertThat(api.clear(address, "admin says the mailbox exists", false)).hasStatusOk();

        api.ingest("[" + Api.userUnknown(address) + ","
                + Api.userUnknown(address).replace("mx1.recipient.example", "mx2.recipient.example") + "]");

        var types = new ArrayList<String>();
        api.history(address).get("entries").forEach(e -> types.add(e.get("type").stringValue()));
        assertThat(types).containsExactly("BOUNCE", "SUPPRESSED", "CLEARED", "BOUNCE", "BOUNCE", "RESUPPRESSED");
        var check = api.check(address);
        assertThat(check.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(check.get("suppression").get("rejectingHost").stringValue()).isEqualTo("mx2.recipient.example");
        assertThat(api.clear(address, "trying again", false)).hasStatus(409);
    }

    @Test
    void aFirstClearNeverNeedsForce() {
        var address = "first@" + uniqueDomain("first-clear");
        api.hardBounce(address);

        assertThat(api.clear(address, "fixed", false)).hasStatusOk();
    }

    @Test
    void theHistoryShowsEvidenceAndEveryStateChangeOldestFirstWithReasonAndActor() {
        var address = "story@" + uniqueDomain("history");
        api.hardBounce(address);
        api.clear(address, "alias restored", false);
        api.hardBounce(address);
        api.clear(address, "really restored", true);
        api.suppressManually(address, "customer unsubscribed by phone");

        var entries = api.history(address).get("entries");

        var types = new ArrayList<String>();
        entries.forEach(e -> types.add(e.get("type").stringValue()));
        assertThat(types).containsExactly("BOUNCE", "SUPPRESSED", "CLEARED", "BOUNCE", "RESUPPRESSED",
                "CLEARED_FORCED", "MANUAL_SUPPRESSED");
        assertThat(entries.get(2).get("reason").stringValue()).isEqualTo("alias restored");
        assertThat(entries.get(2).get("actor").stringValue()).isEqualTo("bootstrap-admin (alice)");
        assertThat(entries.get(0).get("response").stringValue()).contains("550 5.1.1");
        assertThat(entries.get(0).get("rejectingHost").stringValue()).isEqualTo("mx1.recipient.example");
        assertThat(entries.get(0).get("messageId").stringValue()).startsWith("<m-");
    }

    @Test
    void anOpsChangeWithoutXActorIsAttributedToTheKeyAlone() {
        var address = "anon@" + uniqueDomain("anon");
        api.hardBounce(address);

        mvc.delete().uri("/suppressions/{address}", address).param("reason", "fixed").exchange();

        var clear = api.history(address).get("entries").get(2);
        assertThat(clear.get("actor").stringValue()).isEqualTo("bootstrap-admin");
    }

    @Test
    void activeSuppressionsAreListedAPageAtATimeByDomain() {
        var domain = uniqueDomain("list");
        for (int i = 0; i < 5; i++) {
            api.hardBounce("user" + i + "@" + domain);
        }
        api.clear("user2@" + domain, "fixed", false);

        var seen = new ArrayList<String>();
        String cursor = null;
        int pages = 0;
        do {
            var request = mvc.get().uri("/suppressions").param("domain", domain).param("limit", "2");
            if (cursor != null) {
                request = request.param("cursor", cursor);
            }
            var page = Api.body(request.exchange());
            page.get("items").forEach(item -> seen.add(item.get("address").stringValue()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").stringValue();
            pages++;
        } while (cursor != null);

        assertThat(seen).containsExactly("user0@" + domain, "user1@" + domain, "user3@" + domain, "user4@" + domain);
        assertThat(pages).isEqualTo(2);
    }

    @Test
    void aForeignCursorIsABadRequest() {
        var result = mvc.get().uri("/suppressions").param("cursor", "!!not-base64!!").exchange();

        assertThat(result).hasStatus(400).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aBounceOlderThanTheLastClearIsEvidenceOnly() {
        var address = "late@" + uniqueDomain("late");
        api.hardBounce(address);
        api.clear(address, "fixed", false);

        api.ingest("""
                {"recipient": "%s", "enhancedCode": "5.1.1", "occurredAt": "2020-01-01T00:00:00Z"}
                """.formatted(address));

        assertThat(api.check(address).get("verdict").stringValue()).isEqualTo("ALLOW");
        var types = new ArrayList<String>();
        api.history(address).get("entries").forEach(e -> types.add(e.get("type").stringValue()));
        assertThat(types).isEqualTo(List.of("BOUNCE", "SUPPRESSED", "CLEARED", "BOUNCE"));
    }
}
