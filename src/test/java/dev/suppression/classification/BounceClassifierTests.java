package dev.suppression.classification;

import static dev.suppression.classification.Classification.BAD_DOMAIN;
import static dev.suppression.classification.Classification.MAILBOX_FULL;
import static dev.suppression.classification.Classification.POLICY;
import static dev.suppression.classification.Classification.ROUTING;
import static dev.suppression.classification.Classification.TRANSIENT;
import static dev.suppression.classification.Classification.UNDETERMINED;
import static dev.suppression.classification.Classification.USER_UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classification table of issue 3, row by row, first through the codes a reporter hands over
 * separately, then through the full SMTP responses real MTAs write, where the codes must be read
 * out of the text.
 */
class BounceClassifierTests {

    private final BounceClassifier classifier = new BounceClassifier();

    // ---------------------------------------------------------------------------------------------
    // The code column: the enhanced status code decides when it is present
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} (reply {1}) -> {2}")
    @CsvSource(textBlock = """
            # enhanced, reply, classification
            5.1.1,      550,   USER_UNKNOWN
            5.1.1,      ,      USER_UNKNOWN
            5.1.2,      550,   BAD_DOMAIN
            5.1.10,     556,   BAD_DOMAIN
            5.1.10,     ,      BAD_DOMAIN
            4.2.2,      452,   MAILBOX_FULL
            5.2.2,      552,   MAILBOX_FULL
            5.2.2,      550,   MAILBOX_FULL
            5.4.1,      550,   ROUTING
            5.4.4,      ,      ROUTING
            5.4.6,      554,   ROUTING
            5.4.0,      550,   ROUTING
            5.7.1,      554,   POLICY
            5.7.1,      550,   POLICY
            5.7.26,     550,   POLICY
            5.7.606,    550,   POLICY
            5.7.0,      ,      POLICY
            4.7.0,      421,   TRANSIENT
            4.7.500,    451,   TRANSIENT
            4.4.1,      ,      TRANSIENT
            4.4.2,      421,   TRANSIENT
            4.3.0,      451,   TRANSIENT
            4.2.1,      450,   TRANSIENT
            4.1.1,      450,   TRANSIENT
            4.0.0,      ,      TRANSIENT
            2.0.0,      250,   UNDETERMINED
            """)
    void theEnhancedCodeAloneDecidesEachRowOfTheTable(String enhanced, @Nullable Integer reply,
                                                      Classification expected) {
        var diagnosis = classifier.classify(reply, enhanced, null);

        assertThat(diagnosis).isEqualTo(new BounceDiagnosis(expected, reply(reply), code(enhanced)));
    }

    @ParameterizedTest(name = "{0} with \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # enhanced | diagnostic                                                   | classification
            5.2.2      | 550 User unknown                                             | MAILBOX_FULL
            4.2.2      | Recipient address rejected: user does not exist              | MAILBOX_FULL
            5.4.1      | Recipient address rejected: Access denied                    | ROUTING
            5.4.4      | Host or domain name not found. Name service error for name=example.invalid type=A: Host not found | ROUTING
            5.1.1      | Message rejected due to content restrictions                 | USER_UNKNOWN
            5.1.2      | Mailbox full                                                 | BAD_DOMAIN
            4.4.7      | Mailbox does not exist                                       | TRANSIENT
            """)
    void aSeparatelyGivenEnhancedCodeWinsOverWhatTheTextSays(String enhanced, String diagnostic,
                                                             Classification expected) {
        assertThat(classifier.classify(null, enhanced, diagnostic).classification()).isEqualTo(expected);
    }

    @Test
    void aSeparatelyGivenEnhancedCodeWinsOverAnotherCodeInTheText() {
        var diagnosis = classifier.classify(550, "5.1.1", "550 5.0.0 <jane@example.org>... Rejected");

        assertThat(diagnosis).isEqualTo(new BounceDiagnosis(USER_UNKNOWN, reply(550), code("5.1.1")));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {" 5.1.1", "5.1.1 ", "\t5.1.1\n"})
    void anEnhancedCodeFieldIsReadDespiteSurroundingWhiteSpace(String enhanced) {
        assertThat(classifier.classify(null, enhanced, null))
                .isEqualTo(new BounceDiagnosis(USER_UNKNOWN, null, code("5.1.1")));
    }

    // ---------------------------------------------------------------------------------------------
    // 5.1.0, 5.1.6 and 5.0.0 name no specific condition: the text decides
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} + \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            5.1.0 | Recipient address rejected: User unknown
            5.1.0 | No such user here
            5.1.0 | Address rejected: invalid recipient
            5.1.6 | Recipient address rejected: User unknown in virtual mailbox table
            5.1.6 | The mailbox does not exist
            5.1.6 | Unknown recipient
            """)
    void fiveOneZeroAndFiveOneSixAreUserUnknownOnlyWithUserUnknownWording(String enhanced, String diagnostic) {
        var diagnosis = classifier.classify(550, enhanced, diagnostic);

        assertThat(diagnosis).isEqualTo(new BounceDiagnosis(USER_UNKNOWN, reply(550), code(enhanced)));
        assertThat(diagnosis.classification().isHardBounce()).isTrue();
    }

    @ParameterizedTest(name = "{0} + \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            5.1.0 | Address rejected
            5.1.0 |
            5.1.6 | Destination mailbox has moved, no forwarding address
            5.1.6 |
            """)
    void fiveOneZeroAndFiveOneSixWithoutUserUnknownWordingAreNotAHardBounce(String enhanced,
                                                                              @Nullable String diagnostic) {
        var diagnosis = classifier.classify(550, enhanced, diagnostic);

        assertThat(diagnosis).isEqualTo(new BounceDiagnosis(UNDETERMINED, reply(550), code(enhanced)));
    }

    @ParameterizedTest
    @MethodSource
    void theGenericFiveZeroZeroFallsToTheText(String diagnostic, Classification expected) {
        var diagnosis = classifier.classify(null, null, diagnostic);

        assertThat(diagnosis.classification()).isEqualTo(expected);
        assertThat(diagnosis.enhancedCode()).isEqualTo(code("5.0.0"));
    }

    static Stream<Arguments> theGenericFiveZeroZeroFallsToTheText() {
        return Stream.of(
                argumentSet("Sendmail user unknown", "550 5.0.0 <jane@example.org>... User unknown", USER_UNKNOWN),
                argumentSet("no such user", "550 5.0.0 No such user here", USER_UNKNOWN),
                argumentSet("host unknown", "550 5.0.0 <jane@exampel.org>... Host unknown", BAD_DOMAIN),
                argumentSet("over quota", "550 5.0.0 Mailbox over quota", MAILBOX_FULL),
                argumentSet("blocklist", "554 5.0.0 Client host blocked using zen.spamhaus.org", POLICY),
                argumentSet("says nothing", "554 5.0.0 Service unavailable", UNDETERMINED),
                argumentSet("says nothing either", "550 5.0.0 Message rejected", UNDETERMINED));
    }

    // ---------------------------------------------------------------------------------------------
    // The text column: without an enhanced code the words decide, the reply code says permanent or not
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # reply | diagnostic                          | classification
            550     | User unknown                        | USER_UNKNOWN
            551     | User unknown; please try <jane@new.example> | USER_UNKNOWN
            553     | No such user                        | USER_UNKNOWN
            550     | The account jane does not exist     | USER_UNKNOWN
            550     | Recipient address rejected          | USER_UNKNOWN
            553     | Invalid recipient                   | USER_UNKNOWN
            550     | Mailbox not found                   | USER_UNKNOWN
            550     | Unknown recipient                   | USER_UNKNOWN
            550     | Host unknown                        | BAD_DOMAIN
            550     | Domain not found                    | BAD_DOMAIN
            552     | Mailbox full                        | MAILBOX_FULL
            452     | Mailbox full                        | MAILBOX_FULL
            552     | Requested mail action aborted: user is over quota | MAILBOX_FULL
            452     | Over quota                          | MAILBOX_FULL
            554     | Message rejected as spam            | POLICY
            550     | Blocked by policy                   | POLICY
            421     | Service not available, closing transmission channel | TRANSIENT
            451     | Requested action aborted: local error in processing | TRANSIENT
            450     | User unknown                        | TRANSIENT
            450     | Domain not found                    | TRANSIENT
            550     | Requested action not taken          | UNDETERMINED
            """)
    void withoutAnEnhancedCodeTheTextDecides(int reply, String diagnostic, Classification expected) {
        assertThat(classifier.classify(reply, null, diagnostic))
                .isEqualTo(new BounceDiagnosis(expected, reply(reply), null));
    }

    @Test
    void thePostfixResponseWithNoSeparateCodesIsUserUnknownWithBothCodesReadFromTheText() {
        var diagnosis = classifier.classify(null, null,
                "550 5.1.1 <x@y>: Recipient address rejected: User unknown in virtual mailbox table");

        assertThat(diagnosis).isEqualTo(new BounceDiagnosis(USER_UNKNOWN, reply(550), code("5.1.1")));
    }

    // ---------------------------------------------------------------------------------------------
    // Full responses as real MTAs write them, with no separate codes
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource
    void realResponsesAreClassifiedAsACarefulOperatorWould(String diagnostic, Classification expected,
                                                           @Nullable Integer reply, @Nullable String enhanced) {
        assertThat(classifier.classify(null, null, diagnostic))
                .isEqualTo(new BounceDiagnosis(expected, reply(reply), code(enhanced)));
    }

    static Stream<Arguments> realResponsesAreClassifiedAsACarefulOperatorWould() {
        return Stream.of(
                // USER_UNKNOWN
                argumentSet("Gmail no such user", """
                        550-5.1.1 The email account that you tried to reach does not exist. Please try
                        550-5.1.1 double-checking the recipient's email address for typos or
                        550-5.1.1 unnecessary spaces. Learn more at
                        550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a1si1234567qkb.250 - gsmtp""",
                        USER_UNKNOWN, 550, "5.1.1"),
                argumentSet("Postfix virtual mailbox table",
                        "550 5.1.1 <jane@example.org>: Recipient address rejected: User unknown in virtual mailbox table",
                        USER_UNKNOWN, 550, "5.1.1"),
                argumentSet("Postfix DSN with the remote host's IP first",
                        "host mx.example.org[192.0.2.25] said: 550 5.1.1 <jane@example.org>: Recipient address "
                                + "rejected: User unknown in local recipient table (in reply to RCPT TO command)",
                        USER_UNKNOWN, 550, "5.1.1"),
                argumentSet("DSN Diagnostic-Code form", "smtp; 550 5.1.1 user unknown", USER_UNKNOWN, 550, "5.1.1"),
                argumentSet("Outlook.com mailbox unavailable",
                        "550 5.5.0 Requested action not taken: mailbox unavailable (-1225356936:3260:-2147467259)",
                        USER_UNKNOWN, 550, "5.5.0"),
                argumentSet("Hotmail mailbox unavailable without enhanced code",
                        "550 Requested action not taken: mailbox unavailable (3560423120:3203:-2128069872)",
                        USER_UNKNOWN, 550, null),
                argumentSet("Microsoft 365 recipient not found",
                        "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found", USER_UNKNOWN, 550, "5.1.1"),
                argumentSet("Sendmail", "550 5.1.1 <jane@example.org>... User unknown", USER_UNKNOWN, 550, "5.1.1"),
                argumentSet("iCloud", "550 5.1.1 <jane@icloud.com>: user does not exist", USER_UNKNOWN, 550, "5.1.1"),
                argumentSet("cPanel Exim", "550 No Such User Here", USER_UNKNOWN, 550, null),
                argumentSet("Yahoo mailbox not found", "552 1 Requested mail action aborted, mailbox not found",
                        USER_UNKNOWN, 552, null),
                argumentSet("Yahoo disabled mailbox",
                        "554 30 Sorry, your message to jane@yahoo.com cannot be delivered. "
                                + "This mailbox is disabled (554.30).",
                        USER_UNKNOWN, 554, null),
                argumentSet("Mimecast invalid recipient",
                        "550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550",
                        USER_UNKNOWN, 550, null),
                argumentSet("Postfix 5.1.0 with user-unknown wording",
                        "550 5.1.0 <jane@example.org>: Recipient address rejected: User unknown",
                        USER_UNKNOWN, 550, "5.1.0"),
                // BAD_DOMAIN
                argumentSet("Postfix null MX (RFC 7505)",
                        "556 5.1.10 <jane@example.net>: Recipient address rejected: "
                                + "Domain example.net does not accept mail (nullMX)",
                        BAD_DOMAIN, 556, "5.1.10"),
                argumentSet("Postfix unknown recipient domain",
                        "550 5.1.2 <jane@exampel.org>: Recipient address rejected: Domain not found",
                        BAD_DOMAIN, 550, "5.1.2"),
                argumentSet("Sendmail host unknown",
                        "550 5.1.2 <jane@exampel.org>... Host unknown (Name server: exampel.org: host not found)",
                        BAD_DOMAIN, 550, "5.1.2"),
                argumentSet("Postfix locally generated, no codes in the text",
                        "Host or domain name not found. Name service error for name=exampel.org type=A: Host not found",
                        BAD_DOMAIN, null, null),
                argumentSet("Exim unrouteable address", "550 Unrouteable address", BAD_DOMAIN, 550, null),
                // MAILBOX_FULL
                argumentSet("Gmail over quota, temporary",
                        "452 4.2.2 The email account that you tried to reach is over quota",
                        MAILBOX_FULL, 452, "4.2.2"),
                argumentSet("Gmail over quota, permanent", """
                        552-5.2.2 The email account that you tried to reach is over quota and inactive.
                        552 5.2.2  https://support.google.com/mail/?p=OverQuotaPerm a1si1234567qkb.552 - gsmtp""",
                        MAILBOX_FULL, 552, "5.2.2"),
                argumentSet("Postfix mailbox full", "452 4.2.2 <jane@example.org>: Mailbox full",
                        MAILBOX_FULL, 452, "4.2.2"),
                argumentSet("RFC 5321 552 wording", "552 Requested mail action aborted: exceeded storage allocation",
                        MAILBOX_FULL, 552, null),
                // ROUTING
                argumentSet("Exchange Online directory-based edge blocking",
                        "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) "
                                + "[DB5PEPF00014B9C.eurprd02.prod.outlook.com 2024-05-21T10:22:33.123Z 08DC78E0F9A2C1B4]",
                        ROUTING, 550, "5.4.1"),
                argumentSet("routing loop", "554 5.4.6 Hop count exceeded - possible mail loop", ROUTING, 554, "5.4.6"),
                // POLICY
                argumentSet("Spamhaus block",
                        "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; "
                                + "https://www.spamhaus.org/query/ip/192.0.2.1",
                        POLICY, 554, "5.7.1"),
                argumentSet("Gmail unsolicited mail", """
                        550-5.7.1 [192.0.2.1      12] Our system has detected that this message is
                        550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail,
                        550 5.7.1 this message has been blocked. a1si1234567qkb.550 - gsmtp""",
                        POLICY, 550, "5.7.1"),
                argumentSet("Gmail sender authentication",
                        "550-5.7.26 This mail has been blocked because the sender is unauthenticated.",
                        POLICY, 550, "5.7.26"),
                argumentSet("Outlook banned IP",
                        "550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list "
                                + "please visit https://sender.office.com/",
                        POLICY, 550, "5.7.606"),
                argumentSet("Yahoo Spamhaus listing",
                        "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.1, "
                                + "because the ip is in Spamhaus's list; see https://postmaster.yahooinc.com/error-codes",
                        POLICY, 553, "5.7.1"),
                argumentSet("Postfix relay denied", "554 5.7.1 <jane@example.org>: Relay access denied",
                        POLICY, 554, "5.7.1"),
                argumentSet("Sendmail unknown sender domain (5.1.8 is about our side)",
                        "553 5.1.8 <bounce@sender.example>... Domain of sender address bounce@sender.example does not exist",
                        POLICY, 553, "5.1.8"),
                argumentSet("Barracuda, no enhanced code",
                        "554 Service unavailable; Client host [192.0.2.1] blocked using Barracuda Reputation; "
                                + "http://www.barracudanetworks.com/reputation/?r=1&ip=192.0.2.1",
                        POLICY, 554, null),
                // TRANSIENT
                argumentSet("Gmail rate limit",
                        "421 4.7.0 Try again later, closing connection. (EHLO) a1si1234567qkb.421 - gsmtp",
                        TRANSIENT, 421, "4.7.0"),
                argumentSet("Yahoo deferral",
                        "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume "
                                + "or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
                        TRANSIENT, 421, "4.7.0"),
                argumentSet("Outlook server busy",
                        "451 4.7.500 Server busy. Please try again later from [192.0.2.1]. (S77719)",
                        TRANSIENT, 451, "4.7.500"),
                argumentSet("Postfix temporary DNS failure for the recipient domain",
                        "450 4.1.2 <jane@example.org>: Recipient address rejected: Domain not found",
                        TRANSIENT, 450, "4.1.2"),
                argumentSet("greylisting",
                        "450 4.2.0 <jane@example.org>: Recipient address rejected: Greylisted, see "
                                + "http://postgrey.schweikert.ch/help/example.org.html",
                        TRANSIENT, 450, "4.2.0"));
    }

    // ---------------------------------------------------------------------------------------------
    // Policy is never a hard bounce
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource
    void aPolicyBlockNeverBecomesAHardBounceEvenWhenItSaysUserUnknown(@Nullable Integer reply,
                                                                      @Nullable String enhanced,
                                                                      String diagnostic) {
        var diagnosis = classifier.classify(reply, enhanced, diagnostic);

        assertThat(diagnosis.classification()).isEqualTo(POLICY);
        assertThat(diagnosis.classification().isHardBounce()).isFalse();
    }

    static Stream<Arguments> aPolicyBlockNeverBecomesAHardBounceEvenWhenItSaysUserUnknown() {
        return Stream.of(
                argumentSet("5.7.1 in the text",
                        null, null, "550 5.7.1 <jane@example.org>: Recipient address rejected: User unknown"),
                argumentSet("5.7.1 given separately", 550, "5.7.1", "User unknown in virtual mailbox table"),
                argumentSet("5.7.1 given, text carries 5.1.1", null, "5.7.1", "550 5.1.1 User unknown"),
                argumentSet("5.7.x with does-not-exist wording",
                        null, null, "550 5.7.1 Recipient does not exist or has been blocked by policy"),
                argumentSet("no code, policy and user-unknown wording together",
                        554, null, "Rejected: user unknown, client host blocked using zen.spamhaus.org"));
    }

    // ---------------------------------------------------------------------------------------------
    // Nothing usable
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "Message expired", "delivery failed", "250 2.0.0 OK", "Connection timed out"})
    void nothingUsableIsUndetermined(@Nullable String diagnostic) {
        assertThat(classifier.classify(null, null, diagnostic).classification()).isEqualTo(UNDETERMINED);
    }

    @Test
    void invalidCodesAreIgnoredRatherThanTrusted() {
        assertThat(classifier.classify(999, "not-a-code", null))
                .isEqualTo(new BounceDiagnosis(UNDETERMINED, null, null));
        assertThat(classifier.classify(0, "3.1.1", ""))
                .isEqualTo(new BounceDiagnosis(UNDETERMINED, null, null));
    }

    @Test
    void onlyUserUnknownAndBadDomainAreHardBounces() {
        assertThat(Stream.of(Classification.values()).filter(Classification::isHardBounce))
                .containsExactlyInAnyOrder(USER_UNKNOWN, BAD_DOMAIN);
    }

    // ---------------------------------------------------------------------------------------------
    // Reading codes out of free text
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            550 5.1.1 <x@y>: Recipient address rejected               | 5.1.1
            550-5.1.1 The email account that you tried to reach       | 5.1.1
            550 #5.1.0 Address rejected.                              | 5.1.0
            Status: 5.1.1.                                            | 5.1.1
            Final-Recipient: rfc822; x@y (5.7.1)                      | 5.7.1
            dsn=5.4.4, status=bounced                                 | 5.4.4
            556 5.1.10 Recipient address rejected                     | 5.1.10
            451 4.7.500 Server busy                                   | 4.7.500
            host mx.example.org[192.0.2.25] said: 550 5.1.1 <x@y>     | 5.1.1
            """)
    void enhancedCodesAreFoundWhereMtasWriteThem(String text, String expected) {
        assertThat(EnhancedStatusCode.find(text)).contains(code(expected));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            "10.5.1.1",
            "Client host [10.5.1.1] blocked",
            "connect from [4.2.2.1]",
            "connect from 5.4.1.200",
            "5.10.1.1",
            "[192.0.2.5]",
            "192.0.2.250",
            "mta1030.mail.gq1.yahoo.com",
            "on 4.5.2024 at 10:22",
            "mailbox size 5.2 GB"})
    void enhancedCodeSearchIgnoresIpAddressesAndOtherDottedNumbers(String text) {
        assertThat(EnhancedStatusCode.find(text)).isEmpty();
    }

    @Test
    void enhancedCodeSearchIgnoresVersionNumbers() {
        // Today the pattern only refuses a digit or a dot before the class digit, so "v2.5.1" yields 2.5.1.
        assertThat(EnhancedStatusCode.find("v2.5.1")).isEmpty();
        assertThat(EnhancedStatusCode.find("relay v4.2.2 said: 550 no such user")).isEmpty();
    }

    @Test
    void aVersionNumberInTheTextDoesNotOverrideTheUserUnknownWording() {
        var diagnosis = classifier.classify(null, null,
                "mx1 (MailGate v2.5.1) said: 550 Requested action not taken: mailbox unavailable");

        assertThat(diagnosis).isEqualTo(new BounceDiagnosis(USER_UNKNOWN, reply(550), null));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            5.1.1   | true
             5.1.10 | true
            4.7.500 | true
            5.1     | false
            3.1.1   | false
            5.1.1 x | false
            #5.1.1  | false
            5.1.1.1 | false
            5.1000.1 | false
            ''      | false
            """)
    void parseAcceptsACodeWrittenOnItsOwnAndNothingElse(String text, boolean accepted) {
        assertThat(EnhancedStatusCode.parse(text).isPresent()).isEqualTo(accepted);
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            550 5.1.1 User unknown                                 | 550
            550-5.1.1 The email account                            | 550
            smtp; 550 5.1.1 user unknown                           | 550
            smtp;554 Transaction failed                            | 554
            host mx.example.org[192.0.2.25] said: 452 4.2.2 Mailbox full | 452
            host 192.0.2.25 said: 421                              | 421
            Client host [192.0.2.250] blocked; 554 rejected        | 554
            """)
    void replyCodesAreFoundWhereMtasWriteThem(String text, int expected) {
        assertThat(SmtpReplyCode.find(text)).contains(new SmtpReplyCode(expected));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
            "Client host [192.0.2.250] blocked",
            "connection refused by 203.0.113.45",
            "connection from 250.10.10.10 timed out",
            "[IPv6:2001:db8::250]",
            "retry timeout exceeded on 2024-05-21 10:22:33",
            "deferred since 21.05.2024 14:22",
            "Tue, 21 May 2024 10:22:33 +0200",
            "Date: 5/21/2024",
            "20240521T102233Z",
            "a1si1234567qkb.250 - gsmtp"})
    void replyCodeSearchIgnoresIpAddressesAndDates(String text) {
        assertThat(SmtpReplyCode.find(text)).isEmpty();
    }

    @Test
    void replyCodeSearchIgnoresTheLastGroupOfAnUnbracketedIpv6Address() {
        // Today "(?<![\d.])" lets a colon through, so "...::250 " yields reply code 250.
        assertThat(SmtpReplyCode.find("connection from 2001:db8::250 refused")).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // Open bugs in the text column
    // ---------------------------------------------------------------------------------------------

    @Test
    void yahooThisUserDoesntHaveAnAccountIsUserUnknown() {
        var diagnosis = classifier.classify(null, null,
                "554 delivery error: dd This user doesn't have a yahoo.com account (jane@yahoo.com) [0] "
                        + "- mta1030.mail.gq1.yahoo.com");

        assertThat(diagnosis).isEqualTo(new BounceDiagnosis(USER_UNKNOWN, reply(554), null));
    }

    @ParameterizedTest
    @MethodSource
    void aRejectedSenderAddressIsNotAHardBounceForTheRecipient(String diagnostic) {
        var diagnosis = classifier.classify(null, null, diagnostic);

        assertThat(diagnosis.classification()).isEqualTo(POLICY);
        assertThat(diagnosis.classification().isHardBounce()).isFalse();
    }

    static Stream<Arguments> aRejectedSenderAddressIsNotAHardBounceForTheRecipient() {
        return Stream.of(
                // Postfix reject_unlisted_sender answers 5.1.0 (5.1.1 is for recipients) about OUR address.
                argumentSet("Postfix unlisted sender, 5.1.0",
                        "550 5.1.0 <bounce@sender.example>: Sender address rejected: "
                                + "User unknown in virtual mailbox table"),
                // Exim/cPanel "require verify = sender": the unrouteable address is the sender's.
                argumentSet("Exim sender callout failed", """
                        550-Verification failed for <bounce@sender.example>
                        550-Unrouteable address
                        550 Sender verify failed"""));
    }

    private static @Nullable SmtpReplyCode reply(@Nullable Integer value) {
        return value == null ? null : new SmtpReplyCode(value);
    }

    private static @Nullable EnhancedStatusCode code(@Nullable String value) {
        return value == null ? null : EnhancedStatusCode.parse(value).orElseThrow();
    }
}
