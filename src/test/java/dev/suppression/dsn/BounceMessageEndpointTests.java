package dev.suppression.dsn;

import static dev.suppression.support.Api.uniqueDomain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.support.Api;
import dev.suppression.support.IntegrationTest;
import dev.suppression.support.OpenApiContract;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;

/** {@code POST /bounces/dsn} through the real HTTP stack on real PostgreSQL. */
@IntegrationTest
class BounceMessageEndpointTests {

    @Autowired
    MockMvcTester mvc;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(mvc);
    }

    @Test
    void aDsnForAnUnknownUserSuppressesTheAddressWithTheRejectingHostAndTheResponse() {
        var domain = uniqueDomain("dsn-511");

        var answer = accepted(post(fixture("postfix-dsn-user-unknown.eml", "northwind.example", domain)));

        assertThat(answer.get("accepted").intValue()).isEqualTo(1);
        assertThat(answer.get("duplicates").intValue()).isZero();
        assertThat(answer.get("rejected").intValue()).isZero();
        var result = answer.at("/results/0");
        assertThat(result.get("index").intValue()).isZero();
        assertThat(result.get("status").stringValue()).isEqualTo("accepted");
        assertThat(result.get("recipient").stringValue()).isEqualTo("jane.doe@" + domain);
        assertThat(result.get("eventId").stringValue())
                .isEqualTo("dsn:<offers-2026-11.7f3c2a@shop.example>:jane.doe@" + domain + ":5.1.1");
        assertThat(result.get("classification").stringValue()).isEqualTo("USER_UNKNOWN");
        assertThat(result.get("reason").stringValue()).isEqualTo("USER_UNKNOWN");
        assertThat(result.get("detail").isNull()).isTrue();
        var check = api.check("jane.doe@" + domain);
        assertThat(check.get("verdict").stringValue()).isEqualTo("SUPPRESSED");
        assertThat(check.at("/suppression/reason").stringValue()).isEqualTo("HARD_BOUNCE");
        assertThat(check.at("/suppression/lastResponse").stringValue())
                .isEqualTo("550 5.1.1 <jane.doe@" + domain + ">: Recipient address rejected: User unknown in virtual mailbox table");
        assertThat(check.at("/suppression/rejectingHost").stringValue()).isEqualTo("mx1." + domain);
    }

    @Test
    void theRawMessageIsKeptAsEvidenceWithTheOriginalMessageIdAndTheDsnSource() {
        var domain = uniqueDomain("dsn-evidence");
        accepted(post(fixture("postfix-dsn-user-unknown.eml", "northwind.example", domain)));

        var bounce = api.history("jane.doe@" + domain).get("entries").valueStream()
                .filter(e -> e.get("type").stringValue().equals("BOUNCE")).findFirst().orElseThrow();

        assertThat(bounce.get("source").stringValue()).isEqualTo("dsn");
        assertThat(bounce.get("messageId").stringValue()).isEqualTo("<offers-2026-11.7f3c2a@shop.example>");
        assertThat(bounce.get("enhancedCode").stringValue()).isEqualTo("5.1.1");
        assertThat(bounce.get("smtpCode").intValue()).isEqualTo(550);
        assertThat(bounce.get("classification").stringValue()).isEqualTo("USER_UNKNOWN");
        assertThat(bounce.get("reason").stringValue()).isEqualTo("USER_UNKNOWN");
        assertThat(bounce.get("raw").stringValue()).startsWith("Return-Path: <>")
                .contains("Subject: Undelivered Mail Returned to Sender").contains("Final-Recipient: rfc822; jane.doe@" + domain);
    }

    @Test
    void aPolicyBlockNeverSuppresses() {
        var domain = uniqueDomain("dsn-571");

        var answer = accepted(post(fixture("dsn-policy-block.eml", "contoso-fabrics.example", domain)));

        assertThat(answer.at("/results/0/classification").stringValue()).isEqualTo("POLICY");
        assertThat(answer.at("/results/0/reason").stringValue()).isEqualTo("BLOCKED");
        var check = api.check("accounts@" + domain);
        assertThat(check.get("verdict").stringValue()).isEqualTo("ALLOW");
        assertThat(check.get("suppression").isNull()).isTrue();
        assertThat(check.at("/domain/distinctAddresses").intValue()).isZero();
    }

    @Test
    void aDelayedDsnIsATransientBounceThatNeverSuppresses() {
        var domain = uniqueDomain("dsn-delayed");

        var answer = accepted(post(fixture("dsn-delayed.eml", "slowmail.example", domain)));

        assertThat(answer.at("/results/0/classification").stringValue()).isEqualTo("TRANSIENT");
        assertThat(answer.at("/results/0/reason").stringValue()).isEqualTo("NETWORK");
        assertThat(api.check("ops@" + domain).get("verdict").stringValue()).isEqualTo("ALLOW");
        var bounce = api.history("ops@" + domain).get("entries").get(0);
        assertThat(bounce.get("enhancedCode").stringValue()).isEqualTo("4.4.1");
        assertThat(bounce.get("rejectingHost").stringValue()).isEqualTo("mail.shop.example");
    }

    @Test
    void theSameBounceMessagePostedTwiceIsADuplicateAndChangesNothing() {
        var message = fixture("dsn-multiple-recipients.eml", "tailspin.example", uniqueDomain("dsn-twice"));

        var first = accepted(post(message));
        var second = accepted(post(message));

        assertThat(first.get("accepted").intValue()).isEqualTo(2);
        assertThat(second.get("accepted").intValue()).isZero();
        assertThat(second.get("duplicates").intValue()).isEqualTo(2);
        assertThat(second.at("/results").valueStream().map(r -> r.get("status").stringValue()))
                .containsExactly("duplicate", "duplicate");
        assertThat(second.at("/results").valueStream().map(r -> r.get("eventId").stringValue()))
                .containsExactlyElementsOf(first.at("/results").valueStream().map(r -> r.get("eventId").stringValue()).toList());
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            postfix-dsn-user-unknown.eml | northwind.example        | jane.doe             | USER_UNKNOWN | true
            dsn-policy-block.eml         | contoso-fabrics.example  | accounts             | POLICY       | false
            dsn-delayed.eml              | slowmail.example         | ops                  | TRANSIENT    | false
            dsn-exim-generic-status.eml  | fabrikam.example         | m.brown              | USER_UNKNOWN | true
            dsn-multiple-recipients.eml  | tailspin.example         | r.ito                | USER_UNKNOWN | true
            dsn-gmail.eml                | adatum.example           | olivia.hart          | USER_UNKNOWN | true
            dsn-office365.eml            | woodgrove.example        | hans.weber           | USER_UNKNOWN | true
            qmail.eml                    | litware.example          | peter.smith          | USER_UNKNOWN | true
            exim.eml                     | proseware.example        | l.garcia             | USER_UNKNOWN | true
            exim-delayed.eml             | graylisting.example      | w.chen               | TRANSIENT    | false
            postfix-plain.eml            | relecloud.example        | a.kumar              | USER_UNKNOWN | true
            exchange-ndr.eml             | fourthcoffee.example     | maria.rossi          | USER_UNKNOWN | true
            exchange-2003.eml            | tailwind-traders.example | d.okafor             | USER_UNKNOWN | true
            google-plain.eml             | contoso-mail.example     | noah.lee             | USER_UNKNOWN | true
            google-address-not-found.eml | gmail.example            | emma.schulz          | USER_UNKNOWN | true
            yahoo.eml                    | yahoo.example            | sam.taylor1987       | USER_UNKNOWN | true
            german.eml                   | beispiel-gmbh.example    | max.mustermann       | USER_UNKNOWN | true
            french.eml                   | exemple-sarl.example     | jean.dupont          | USER_UNKNOWN | true
            sendmail-plain.eml           | oldhost.example          | f.martin             | USER_UNKNOWN | true
            """)
    void everyFormatSuppressesOnlyAnAddressThatDoesNotExist(String fixture, String recipientDomain, String localPart,
                                                           String classification, boolean suppressed) {
        var domain = uniqueDomain("dsn-format");

        var answer = accepted(post(fixture(fixture, recipientDomain, domain)));

        var result = answer.at("/results").valueStream()
                .filter(r -> r.get("recipient").stringValue().equals(localPart + "@" + domain)).findFirst().orElseThrow();
        assertThat(result.get("status").stringValue()).isEqualTo("accepted");
        assertThat(result.get("classification").stringValue()).isEqualTo(classification);
        assertThat(api.check(localPart + "@" + domain).get("verdict").stringValue())
                .isEqualTo(suppressed ? "SUPPRESSED" : "ALLOW");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            auto-reply-out-of-office.eml | an automatic reply (out of office / vacation)
            auto-reply-vacation.eml      | an automatic reply (out of office / vacation)
            challenge-response.eml       | a challenge-response request
            arf-feedback-report.eml      | an ARF feedback report
            dsn-delivered.eml            | a delivery status notification that reports only successful delivery
            normal-mail.eml              | an ordinary message
            """)
    void aMessageThatIsNotABounceIs422AndSaysWhatItIs(String fixture, String whatItIs) {
        var result = post(Fixtures.bytes(fixture));

        var problem = problem(422, result);
        assertThat(problem.get("title").stringValue()).isEqualTo("Not a bounce");
        assertThat(problem.get("detail").stringValue()).startsWith("This message is " + whatItIs)
                .contains("not a bounce").contains("nothing was recorded");
        assertThat(problem.get("instance").stringValue()).isEqualTo("/bounces/dsn");
    }

    @Test
    void anAutoReplyRecordsNothingForItsSender() {
        post(Fixtures.bytes("auto-reply-out-of-office.eml"));

        assertThat(api.history("lena.fischer@fourthcoffee.example").get("entries").isEmpty()).isTrue();
    }

    @Test
    void binaryGarbageIs400() {
        var garbage = new byte[8192];
        new Random(7).nextBytes(garbage);

        var problem = problem(400, post(garbage));

        assertThat(problem.get("title").stringValue()).isEqualTo("Unreadable message");
        assertThat(problem.get("detail").stringValue()).contains("not an Internet message");
    }

    @Test
    void anEmptyBodyIs400() {
        var problem = problem(400, post(new byte[0]));

        assertThat(problem.get("detail").stringValue()).startsWith("The request body is empty");
    }

    @Test
    void aBrokenMimeStructureIsReadAsAMailClientWouldAndIs422OnlyForWantOfARecipient() {
        var problem = problem(422, post(Fixtures.bytes("broken-multipart-missing-start.eml")));

        assertThat(problem.get("detail").stringValue()).contains("no failed recipient address could be found");
    }

    @Test
    void aMessageOverTheSizeLimitIs413() {
        var header = "From: MAILER-DAEMON@mta.example\nSubject: Undelivered Mail\n\n";
        var huge = (header + "x".repeat(1024 * 1024 + 1 - header.length())).getBytes(StandardCharsets.US_ASCII);

        var problem = problem(413, post(huge));

        assertThat(problem.get("title").stringValue()).isEqualTo("Message too large");
        assertThat(problem.get("detail").stringValue()).contains("1 MB").contains("suppression.dsn.max-message-size");
    }

    @Test
    void aMessageAtTheSizeLimitIsRead() {
        var domain = uniqueDomain("dsn-limit");
        var message = fixture("postfix-dsn-user-unknown.eml", "northwind.example", domain);
        var padded = message.replace("our November offers are here.",
                "our November offers are here.\n" + "x".repeat(1024 * 1024 - message.length() - 1));

        var answer = accepted(post(padded));

        assertThat(answer.get("accepted").intValue()).isEqualTo(1);
    }

    @Test
    void aContentTypeOtherThanMessageRfc822Is415() {
        var result = mvc.post().uri("/bounces/dsn").contentType(MediaType.TEXT_PLAIN)
                .content(Fixtures.bytes("qmail.eml")).exchange();

        assertThat(result).hasStatus(415);
        OpenApiContract.assertMatches("POST", "/bounces/dsn", result);
    }

    @Test
    void aMessageNamingHundredsOfRecipientsIsIngestedWholeAndCountsTowardTheDomain() {
        var domain = uniqueDomain("dsn-many");
        var message = Fixtures.manyRecipients(domain, 300);

        var answer = accepted(post(message));

        assertThat(answer.get("accepted").intValue()).isEqualTo(300);
        assertThat(answer.at("/results/299/recipient").stringValue()).isEqualTo("user299@" + domain);
        var status = api.domain(domain);
        assertThat(status.get("distinctAddresses").intValue()).isEqualTo(300);
        assertThat(status.get("paused").booleanValue()).isTrue();
    }

    @Test
    void aFailedRecipientThatIsNotAnAddressIsRejectedWithoutSinkingTheOthers() {
        var domain = uniqueDomain("dsn-invalid");
        var message = fixture("dsn-multiple-recipients.eml", "tailspin.example", domain)
                .replace("Original-Recipient: rfc822;r.ito@" + domain + "\n", "")
                .replace("Final-Recipient: RFC822; <r.ito@" + domain + ">", "Final-Recipient: RFC822; <r.ito@>");

        var answer = accepted(post(message));

        assertThat(answer.get("accepted").intValue()).isEqualTo(1);
        assertThat(answer.get("rejected").intValue()).isEqualTo(1);
        assertThat(answer.at("/results/0/status").stringValue()).isEqualTo("rejected");
        assertThat(answer.at("/results/0/detail").stringValue())
                .startsWith("the bounce names a failed recipient that is not a valid address");
        assertThat(answer.at("/results/1/classification").stringValue()).isEqualTo("MAILBOX_FULL");
    }

    private MvcTestResult post(byte[] message) {
        return mvc.post().uri("/bounces/dsn").contentType("message/rfc822").content(message).exchange();
    }

    private MvcTestResult post(String message) {
        return post(message.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode accepted(MvcTestResult result) {
        assertThat(result).hasStatusOk().hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON);
        OpenApiContract.assertMatches("POST", "/bounces/dsn", result);
        return Api.body(result);
    }

    private static JsonNode problem(int status, MvcTestResult result) {
        assertThat(result).hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        OpenApiContract.assertMatches("POST", "/bounces/dsn", result);
        return Api.body(result);
    }

    /**
     * A fixture whose recipient domain is one no other test uses, so tests share one database; base64 parts are
     * decoded, changed and encoded again.
     */
    private static String fixture(String name, String recipientDomain, String uniqueDomain) {
        var base64Part = BASE64_PART.matcher(Fixtures.text(name));
        var text = new StringBuilder();
        while (base64Part.find()) {
            var decoded = new String(Base64.getMimeDecoder().decode(base64Part.group(2)), StandardCharsets.UTF_8)
                    .replace(recipientDomain, uniqueDomain);
            var encoded = Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(decoded.getBytes(StandardCharsets.UTF_8));
            base64Part.appendReplacement(text, Matcher.quoteReplacement(base64Part.group(1) + encoded + "\n"));
        }
        base64Part.appendTail(text);
        return text.toString().replace(recipientDomain, uniqueDomain);
    }

    private static final Pattern BASE64_PART =
            Pattern.compile("(Content-Transfer-Encoding: base64\\n\\n)([A-Za-z0-9+/=\\n]+)", Pattern.CASE_INSENSITIVE);
}
