package dev.suppression.classification;

import static dev.suppression.classification.BounceReason.AUTHENTICATION;
import static dev.suppression.classification.BounceReason.BLOCKED;
import static dev.suppression.classification.BounceReason.EXPIRED;
import static dev.suppression.classification.BounceReason.HOST_UNKNOWN;
import static dev.suppression.classification.BounceReason.MAILBOX_DISABLED;
import static dev.suppression.classification.BounceReason.MAILBOX_FULL;
import static dev.suppression.classification.BounceReason.MAILBOX_MOVED;
import static dev.suppression.classification.BounceReason.MESSAGE_TOO_BIG;
import static dev.suppression.classification.BounceReason.NETWORK;
import static dev.suppression.classification.BounceReason.NOT_ACCEPTING_MAIL;
import static dev.suppression.classification.BounceReason.POLICY;
import static dev.suppression.classification.BounceReason.RATE_LIMITED;
import static dev.suppression.classification.BounceReason.RELAYING_DENIED;
import static dev.suppression.classification.BounceReason.SENDER_REJECTED;
import static dev.suppression.classification.BounceReason.SPAM_DETECTED;
import static dev.suppression.classification.BounceReason.SYSTEM;
import static dev.suppression.classification.BounceReason.UNDETERMINED;
import static dev.suppression.classification.BounceReason.USER_UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.util.EnumSet;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The classification table of issue 3, row by row, first through the codes a reporter hands over
 * separately, then through the full SMTP responses real MTAs write, where the codes must be read
 * out of the text. Each row names the reason and the public classification that follows from it.
 */
class BounceClassifierTests {

    private final BounceClassifier classifier = new BounceClassifier();

    // ---------------------------------------------------------------------------------------------
    // Reasons and classifications
    // ---------------------------------------------------------------------------------------------

    @Test
    void onlyUserUnknownAndBadDomainAreHardBounces() {
        assertThat(Stream.of(Classification.values()).filter(Classification::isHardBounce))
                .containsExactlyInAnyOrder(Classification.USER_UNKNOWN, Classification.BAD_DOMAIN);
    }

    @Test
    void onlyAMailboxOrDomainThatDoesNotExistSuppresses() {
        assertThat(Stream.of(BounceReason.values()).filter(BounceReason::suppressesWhenPermanent))
                .containsExactlyInAnyOrder(USER_UNKNOWN, MAILBOX_MOVED, HOST_UNKNOWN, NOT_ACCEPTING_MAIL);
    }

    @ParameterizedTest
    @EnumSource(value = BounceReason.class, names = {"MAILBOX_DISABLED", "MESSAGE_TOO_BIG", "BLOCKED", "POLICY",
            "SPAM_DETECTED", "AUTHENTICATION", "SENDER_REJECTED", "RELAYING_DENIED", "RATE_LIMITED", "EXPIRED",
            "NETWORK", "SYSTEM", "UNDETERMINED", "MAILBOX_FULL"})
    void everyOtherReasonLeavesTheAddressAlone(BounceReason reason) {
        assertThat(reason.classification(false).isHardBounce()).isFalse();
        assertThat(reason.classification(true).isHardBounce()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(BounceReason.class)
    void aTemporaryFailureNeverSuppressesWhateverItsReason(BounceReason reason) {
        assertThat(reason.classification(true)).isIn(Classification.TRANSIENT, Classification.MAILBOX_FULL,
                Classification.POLICY);
    }

    @Test
    void blocksPoliciesSpamAndAuthenticationFailuresAreAllPolicy() {
        assertThat(EnumSet.allOf(BounceReason.class).stream().filter(r -> r.classification(false) == Classification.POLICY))
                .containsExactlyInAnyOrder(BLOCKED, POLICY, SPAM_DETECTED, AUTHENTICATION, SENDER_REJECTED,
                        RELAYING_DENIED, RATE_LIMITED, MESSAGE_TOO_BIG);
    }

    // ---------------------------------------------------------------------------------------------
    // The code column: the enhanced status code decides when it is present
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} (reply {1}) -> {2} / {3}")
    @CsvSource(textBlock = """
            # enhanced, reply, reason,           classification
            5.1.1,      550,   USER_UNKNOWN,       USER_UNKNOWN
            5.1.1,      ,      USER_UNKNOWN,       USER_UNKNOWN
            5.1.3,      553,   USER_UNKNOWN,       USER_UNKNOWN
            5.1.6,      550,   MAILBOX_MOVED,      USER_UNKNOWN
            5.1.2,      550,   HOST_UNKNOWN,       BAD_DOMAIN
            5.1.10,     556,   NOT_ACCEPTING_MAIL, BAD_DOMAIN
            5.1.10,     ,      NOT_ACCEPTING_MAIL, BAD_DOMAIN
            5.1.10,     550,   USER_UNKNOWN,       USER_UNKNOWN
            5.1.7,      553,   SENDER_REJECTED,    POLICY
            5.1.8,      553,   SENDER_REJECTED,    POLICY
            5.2.1,      550,   MAILBOX_DISABLED,   UNDETERMINED
            4.2.2,      452,   MAILBOX_FULL,       MAILBOX_FULL
            5.2.2,      552,   MAILBOX_FULL,       MAILBOX_FULL
            5.2.2,      550,   MAILBOX_FULL,       MAILBOX_FULL
            5.2.3,      552,   MESSAGE_TOO_BIG,    POLICY
            5.3.4,      552,   MESSAGE_TOO_BIG,    POLICY
            5.3.0,      554,   SYSTEM,             TRANSIENT
            5.4.1,      550,   NETWORK,            ROUTING
            5.4.4,      ,      NETWORK,            ROUTING
            5.4.6,      554,   NETWORK,            ROUTING
            5.4.0,      550,   NETWORK,            ROUTING
            5.4.7,      ,      EXPIRED,            TRANSIENT
            5.7.1,      554,   POLICY,             POLICY
            5.7.1,      550,   POLICY,             POLICY
            5.7.23,     550,   AUTHENTICATION,     POLICY
            5.7.26,     550,   AUTHENTICATION,     POLICY
            5.7.606,    550,   POLICY,             POLICY
            5.7.0,      ,      POLICY,             POLICY
            5.7.27,     550,   SENDER_REJECTED,    POLICY
            4.7.0,      421,   POLICY,             TRANSIENT
            4.7.500,    451,   POLICY,             TRANSIENT
            4.4.1,      ,      NETWORK,            TRANSIENT
            4.4.2,      421,   NETWORK,            TRANSIENT
            4.4.7,      ,      EXPIRED,            TRANSIENT
            4.3.0,      451,   SYSTEM,             TRANSIENT
            4.2.1,      450,   MAILBOX_DISABLED,   TRANSIENT
            4.1.1,      450,   USER_UNKNOWN,       TRANSIENT
            4.5.3,      452,   RATE_LIMITED,       TRANSIENT
            4.0.0,      ,      UNDETERMINED,       TRANSIENT
            2.0.0,      250,   UNDETERMINED,       UNDETERMINED
            """)
    void theEnhancedCodeAloneDecidesEachRowOfTheTable(String enhanced, @Nullable Integer reply, BounceReason reason,
                                                      Classification expected) {
        var diagnosis = classifier.classify(reply, enhanced, null);

        assertThat(diagnosis).isEqualTo(new BounceDiagnosis(reason, expected, reply(reply), code(enhanced)));
    }

    @ParameterizedTest(name = "{0} with \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # enhanced | diagnostic                                                   | classification
            5.2.2      | 550 User unknown                                             | MAILBOX_FULL
            4.2.2      | Recipient address rejected: user does not exist              | MAILBOX_FULL
            5.4.6      | Recipient address rejected: user unknown                     | ROUTING
            5.4.4      | The mailbox does not exist                                   | ROUTING
            5.1.1      | Message rejected due to content restrictions                 | USER_UNKNOWN
            5.1.2      | Mailbox full                                                 | BAD_DOMAIN
            4.4.7      | Mailbox does not exist                                       | TRANSIENT
            5.7.1      | Mailbox full                                                 | POLICY
            5.7.1      | Connection timed out                                         | POLICY
            """)
    void aSeparatelyGivenEnhancedCodeWinsOverWhatTheTextSays(String enhanced, String diagnostic,
                                                             Classification expected) {
        assertThat(classifier.classify(null, enhanced, diagnostic).classification()).isEqualTo(expected);
    }

    @Test
    void aSeparatelyGivenEnhancedCodeWinsOverAnotherCodeInTheText() {
        var diagnosis = classifier.classify(550, "5.1.1", "550 5.0.0 <jane@example.org>... Rejected");

        assertThat(diagnosis).isEqualTo(
                new BounceDiagnosis(USER_UNKNOWN, Classification.USER_UNKNOWN, reply(550), code("5.1.1")));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {" 5.1.1", "5.1.1 ", "\t5.1.1\n"})
    void anEnhancedCodeFieldIsReadDespiteSurroundingWhiteSpace(String enhanced) {
        assertThat(classifier.classify(null, enhanced, null))
                .isEqualTo(new BounceDiagnosis(USER_UNKNOWN, Classification.USER_UNKNOWN, null, code("5.1.1")));
    }

    @ParameterizedTest(name = "{0} \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # a family code takes its finer reason from the text, never leaving the family
            5.7.1   | 550 5.7.1 Service unavailable, Client host [192.0.2.1] blocked using Spamhaus | BLOCKED
            5.7.1   | 554 5.7.1 <jane@example.org>: Relay access denied                             | RELAYING_DENIED
            5.7.1   | 550 5.7.1 Message rejected as spam by Content Filtering                        | SPAM_DETECTED
            5.7.1   | 550 5.7.1 Unauthenticated email from example.com is not accepted due to domain's DMARC policy | AUTHENTICATION
            5.7.1   | 550 5.7.1 Too many messages from this sender, slow down                        | RATE_LIMITED
            5.7.1   | 550 5.7.1 Recipient address rejected: user unknown                             | POLICY
            4.7.0   | 421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume | RATE_LIMITED
            4.4.1   | 451 4.4.1 Connection timed out                                                 | NETWORK
            5.4.4   | Host or domain name not found. Name service error for name=exampel.org type=A: Host not found | HOST_UNKNOWN
            5.4.1   | Recipient address rejected: Access denied                                      | USER_UNKNOWN
            5.3.0   | 553 5.3.0 <jane@example.org>... No such user                                   | USER_UNKNOWN
            5.3.0   | 554 5.3.0 Internal system error                                                | SYSTEM
            """)
    void aFamilyCodeTakesItsFinerReasonFromTheText(String enhanced, String diagnostic, BounceReason reason) {
        assertThat(classifier.classify(null, enhanced, diagnostic).reason()).isEqualTo(reason);
    }

    // ---------------------------------------------------------------------------------------------
    // 5.1.0 and 5.0.0 name no specific condition: the text decides; 5.1.6 is a mailbox that moved away
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
    void fiveOneZeroAndFiveOneSixAreUserUnknownWithUserUnknownWording(String enhanced, String diagnostic) {
        var diagnosis = classifier.classify(550, enhanced, diagnostic);

        assertThat(diagnosis).isEqualTo(
                new BounceDiagnosis(USER_UNKNOWN, Classification.USER_UNKNOWN, reply(550), code(enhanced)));
        assertThat(diagnosis.classification().isHardBounce()).isTrue();
    }

    @ParameterizedTest(name = "5.1.0 + \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = "Address rejected")
    void fiveOneZeroWithoutUserUnknownWordingIsNotAHardBounce(@Nullable String diagnostic) {
        var diagnosis = classifier.classify(550, "5.1.0", diagnostic);

        assertThat(diagnosis).isEqualTo(
                new BounceDiagnosis(UNDETERMINED, Classification.UNDETERMINED, reply(550), code("5.1.0")));
    }

    /**
     * 5.1.6 "destination mailbox has moved, no forwarding address" is permanent: the address is gone, as
     * bounce classifiers in the field (Sisimai's {@code hasmoved}) count it. It was UNDETERMINED before
     * reasons existed, which let mail to a dead address go on forever.
     */
    @ParameterizedTest(name = "5.1.6 + \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"Destination mailbox has moved, no forwarding address",
            "550 5.1.6 Recipient addresses in this domain no longer accept mail"})
    void fiveOneSixIsAMailboxThatMovedAwayAndSuppresses(@Nullable String diagnostic) {
        var diagnosis = classifier.classify(550, "5.1.6", diagnostic);

        assertThat(diagnosis).isEqualTo(
                new BounceDiagnosis(MAILBOX_MOVED, Classification.USER_UNKNOWN, reply(550), code("5.1.6")));
    }

    @ParameterizedTest
    @MethodSource
    void theGenericFiveZeroZeroFallsToTheText(String diagnostic, BounceReason reason, Classification expected) {
        var diagnosis = classifier.classify(null, null, diagnostic);

        assertThat(diagnosis.reason()).isEqualTo(reason);
        assertThat(diagnosis.classification()).isEqualTo(expected);
        assertThat(diagnosis.enhancedCode()).isEqualTo(code("5.0.0"));
    }

    static Stream<Arguments> theGenericFiveZeroZeroFallsToTheText() {
        return Stream.of(
                argumentSet("Sendmail user unknown", "550 5.0.0 <jane@example.org>... User unknown",
                        USER_UNKNOWN, Classification.USER_UNKNOWN),
                argumentSet("no such user", "550 5.0.0 No such user here", USER_UNKNOWN, Classification.USER_UNKNOWN),
                argumentSet("host unknown", "550 5.0.0 <jane@exampel.org>... Host unknown",
                        HOST_UNKNOWN, Classification.BAD_DOMAIN),
                argumentSet("over quota", "550 5.0.0 Mailbox over quota", MAILBOX_FULL, Classification.MAILBOX_FULL),
                argumentSet("blocklist", "554 5.0.0 Client host blocked using zen.spamhaus.org",
                        BLOCKED, Classification.POLICY),
                argumentSet("says nothing", "554 5.0.0 Service unavailable", UNDETERMINED, Classification.UNDETERMINED),
                argumentSet("says nothing either", "550 5.0.0 Message rejected",
                        UNDETERMINED, Classification.UNDETERMINED));
    }

    // ---------------------------------------------------------------------------------------------
    // The text column: without an enhanced code the words decide, the reply code says permanent or not
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} \"{1}\" -> {2} / {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # reply | diagnostic                          | reason             | classification
            550     | User unknown                        | USER_UNKNOWN       | USER_UNKNOWN
            551     | User unknown; please try <jane@new.example> | USER_UNKNOWN | USER_UNKNOWN
            551     | User not local; please try <jane@new.example> | MAILBOX_MOVED | USER_UNKNOWN
            553     | No such user                        | USER_UNKNOWN       | USER_UNKNOWN
            550     | The account jane does not exist     | USER_UNKNOWN       | USER_UNKNOWN
            550     | Recipient address rejected          | USER_UNKNOWN       | USER_UNKNOWN
            553     | Invalid recipient                   | USER_UNKNOWN       | USER_UNKNOWN
            550     | Mailbox not found                   | USER_UNKNOWN       | USER_UNKNOWN
            550     | Unknown recipient                   | USER_UNKNOWN       | USER_UNKNOWN
            550     | Host unknown                        | HOST_UNKNOWN       | BAD_DOMAIN
            550     | Domain not found                    | HOST_UNKNOWN       | BAD_DOMAIN
            556     | Domain example.net does not accept mail | NOT_ACCEPTING_MAIL | BAD_DOMAIN
            521     | mx.example.net does not accept mail | NOT_ACCEPTING_MAIL | BAD_DOMAIN
            552     | Mailbox full                        | MAILBOX_FULL       | MAILBOX_FULL
            452     | Mailbox full                        | MAILBOX_FULL       | MAILBOX_FULL
            552     | Requested mail action aborted: user is over quota | MAILBOX_FULL | MAILBOX_FULL
            452     | Over quota                          | MAILBOX_FULL       | MAILBOX_FULL
            552     | Message size exceeds fixed maximum message size | MESSAGE_TOO_BIG | POLICY
            554     | Message rejected as spam            | SPAM_DETECTED      | POLICY
            550     | Blocked by policy                   | POLICY             | POLICY
            554     | Account disabled                    | MAILBOX_DISABLED   | UNDETERMINED
            421     | Service not available, closing transmission channel | UNDETERMINED | TRANSIENT
            451     | Requested action aborted: local error in processing | SYSTEM | TRANSIENT
            450     | User unknown                        | USER_UNKNOWN       | TRANSIENT
            450     | Domain not found                    | HOST_UNKNOWN       | TRANSIENT
            550     | Requested action not taken          | UNDETERMINED       | UNDETERMINED
            """)
    void withoutAnEnhancedCodeTheTextDecides(int reply, String diagnostic, BounceReason reason,
                                             Classification expected) {
        assertThat(classifier.classify(reply, null, diagnostic))
                .isEqualTo(new BounceDiagnosis(reason, expected, reply(reply), null));
    }

    @Test
    void thePostfixResponseWithNoSeparateCodesIsUserUnknownWithBothCodesReadFromTheText() {
        var diagnosis = classifier.classify(null, null,
                "550 5.1.1 <x@y>: Recipient address rejected: User unknown in virtual mailbox table");

        assertThat(diagnosis).isEqualTo(
                new BounceDiagnosis(USER_UNKNOWN, Classification.USER_UNKNOWN, reply(550), code("5.1.1")));
    }

    // ---------------------------------------------------------------------------------------------
    // Full responses as real MTAs and mailbox providers write them, with no separate codes
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource
    void realResponsesAreClassifiedAsACarefulOperatorWould(String diagnostic, BounceReason reason,
                                                           Classification expected, @Nullable Integer reply,
                                                           @Nullable String enhanced) {
        var diagnosis = classifier.classify(null, null, diagnostic);

        assertThat(diagnosis).isEqualTo(new BounceDiagnosis(reason, expected, reply(reply), code(enhanced)));
    }

    static Stream<Arguments> realResponsesAreClassifiedAsACarefulOperatorWould() {
        return Stream.of(
                // USER_UNKNOWN
                argumentSet("Gmail no such user", """
                        550-5.1.1 The email account that you tried to reach does not exist. Please try
                        550-5.1.1 double-checking the recipient's email address for typos or
                        550-5.1.1 unnecessary spaces. Learn more at
                        550 5.1.1  https://support.google.com/mail/?p=NoSuchUser a1si1234567qkb.250 - gsmtp""",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, "5.1.1"),
                argumentSet("Postfix virtual mailbox table",
                        "550 5.1.1 <jane@example.org>: Recipient address rejected: User unknown in virtual mailbox table",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, "5.1.1"),
                argumentSet("Postfix DSN with the remote host's IP first",
                        "host mx.example.org[192.0.2.25] said: 550 5.1.1 <jane@example.org>: Recipient address "
                                + "rejected: User unknown in local recipient table (in reply to RCPT TO command)",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, "5.1.1"),
                argumentSet("DSN Diagnostic-Code form", "smtp; 550 5.1.1 user unknown",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, "5.1.1"),
                argumentSet("Outlook.com mailbox unavailable",
                        "550 5.5.0 Requested action not taken: mailbox unavailable (-1225356936:3260:-2147467259)",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, "5.5.0"),
                argumentSet("Hotmail mailbox unavailable without enhanced code",
                        "550 Requested action not taken: mailbox unavailable (3560423120:3203:-2128069872)",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, null),
                argumentSet("Microsoft 365 recipient not found",
                        "550 5.1.1 RESOLVER.ADR.RecipNotFound; not found",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, "5.1.1"),
                // 5.1.10 from Microsoft is the recipient, not RFC 7505 null MX: it was BAD_DOMAIN before reasons.
                argumentSet("Microsoft 365 5.1.10 recipient not found by SMTP address lookup",
                        "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, "5.1.10"),
                // Directory-based edge blocking: Microsoft documents it as "the recipient doesn't exist"; it was
                // ROUTING before reasons, which let mail to a dead Exchange Online address go on forever.
                argumentSet("Exchange Online directory-based edge blocking",
                        "550 5.4.1 Recipient address rejected: Access denied. AS(201806281) "
                                + "[DB5PEPF00014B9C.eurprd02.prod.outlook.com 2024-05-21T10:22:33.123Z 08DC78E0F9A2C1B4]",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, "5.4.1"),
                argumentSet("Sendmail", "550 5.1.1 <jane@example.org>... User unknown",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, "5.1.1"),
                argumentSet("iCloud", "550 5.1.1 <jane@icloud.com>: user does not exist",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, "5.1.1"),
                argumentSet("iCloud without enhanced code", "550 <jane@icloud.com>: inactive email address",
                        UNDETERMINED, Classification.UNDETERMINED, 550, null),
                argumentSet("cPanel Exim", "550 No Such User Here",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, null),
                argumentSet("Yahoo mailbox not found", "552 1 Requested mail action aborted, mailbox not found",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 552, null),
                argumentSet("Yahoo no such account",
                        "554 delivery error: dd This user doesn't have a yahoo.com account (jane@yahoo.com) [0] "
                                + "- mta1030.mail.gq1.yahoo.com",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 554, null),
                argumentSet("AOL no such account",
                        "554 delivery error: dd Not a valid recipient - atlas-b1.aol.mail.gq1.yahoo.com",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 554, null),
                argumentSet("GMX / web.de mailbox unavailable",
                        "550 Requested action not taken: mailbox unavailable",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, null),
                argumentSet("Orange adresse inexistante",
                        "550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, "5.1.1"),
                argumentSet("Comcast not a valid user",
                        "550 5.1.1 jane@comcast.net is not a valid user",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, "5.1.1"),
                argumentSet("Mimecast invalid recipient",
                        "550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, null),
                argumentSet("Proofpoint user unknown", "550 5.1.1 User Unknown",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, "5.1.1"),
                argumentSet("Postfix 5.1.0 with user-unknown wording",
                        "550 5.1.0 <jane@example.org>: Recipient address rejected: User unknown",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, "5.1.0"),
                argumentSet("qmail", "553 sorry, no mailbox here by that name. (#5.1.1)",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 553, "5.1.1"),
                argumentSet("German provider", "550 5.1.1 Empfänger unbekannt",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, "5.1.1"),
                argumentSet("Spanish provider", "550 El usuario no existe",
                        USER_UNKNOWN, Classification.USER_UNKNOWN, 550, null),
                // MAILBOX_MOVED
                argumentSet("Mailbox moved", "550 5.1.6 Destination mailbox has moved, no forwarding address",
                        MAILBOX_MOVED, Classification.USER_UNKNOWN, 550, "5.1.6"),
                // HOST_UNKNOWN and NOT_ACCEPTING_MAIL
                argumentSet("Postfix null MX (RFC 7505)",
                        "556 5.1.10 <jane@example.net>: Recipient address rejected: "
                                + "Domain example.net does not accept mail (nullMX)",
                        NOT_ACCEPTING_MAIL, Classification.BAD_DOMAIN, 556, "5.1.10"),
                argumentSet("Postfix unknown recipient domain",
                        "550 5.1.2 <jane@exampel.org>: Recipient address rejected: Domain not found",
                        HOST_UNKNOWN, Classification.BAD_DOMAIN, 550, "5.1.2"),
                argumentSet("Sendmail host unknown",
                        "550 5.1.2 <jane@exampel.org>... Host unknown (Name server: exampel.org: host not found)",
                        HOST_UNKNOWN, Classification.BAD_DOMAIN, 550, "5.1.2"),
                argumentSet("Postfix locally generated, no codes in the text",
                        "Host or domain name not found. Name service error for name=exampel.org type=A: Host not found",
                        HOST_UNKNOWN, Classification.BAD_DOMAIN, null, null),
                argumentSet("Exim unrouteable address", "550 Unrouteable address",
                        HOST_UNKNOWN, Classification.BAD_DOMAIN, 550, null),
                // Exchange's own failed lookup: Sisimai's Microsoft rules read it as routing (never suppresses).
                argumentSet("Exchange nonexistent domain",
                        "550 5.4.4 SMTPSEND.DNS.NonExistentDomain; nonexistent domain",
                        NETWORK, Classification.ROUTING, 550, "5.4.4"),
                argumentSet("Exchange Online DNS domain does not exist",
                        "550 5.4.310 DNS domain exampel.org does not exist [Message=InfoDomainNonexistent]",
                        NETWORK, Classification.ROUTING, 550, "5.4.310"),
                // MAILBOX_FULL
                argumentSet("Gmail over quota, temporary",
                        "452 4.2.2 The email account that you tried to reach is over quota",
                        MAILBOX_FULL, Classification.MAILBOX_FULL, 452, "4.2.2"),
                argumentSet("Gmail over quota, permanent", """
                        552-5.2.2 The email account that you tried to reach is over quota and inactive.
                        552 5.2.2  https://support.google.com/mail/?p=OverQuotaPerm a1si1234567qkb.552 - gsmtp""",
                        MAILBOX_FULL, Classification.MAILBOX_FULL, 552, "5.2.2"),
                argumentSet("Postfix mailbox full", "452 4.2.2 <jane@example.org>: Mailbox full",
                        MAILBOX_FULL, Classification.MAILBOX_FULL, 452, "4.2.2"),
                argumentSet("RFC 5321 552 wording", "552 Requested mail action aborted: exceeded storage allocation",
                        MAILBOX_FULL, Classification.MAILBOX_FULL, 552, null),
                argumentSet("iCloud over quota", "552 5.2.2 <jane@icloud.com>: user is over quota",
                        MAILBOX_FULL, Classification.MAILBOX_FULL, 552, "5.2.2"),
                argumentSet("GMX mailbox full", "552 Mailbox full / Postfach voll",
                        MAILBOX_FULL, Classification.MAILBOX_FULL, 552, null),
                // MAILBOX_DISABLED: the mailbox exists; a suspended account may come back, so it never suppresses.
                // The Yahoo row was USER_UNKNOWN before reasons; field classifiers call it "suspend", a soft bounce.
                argumentSet("Yahoo disabled mailbox",
                        "554 30 Sorry, your message to jane@yahoo.com cannot be delivered. "
                                + "This mailbox is disabled (554.30).",
                        MAILBOX_DISABLED, Classification.UNDETERMINED, 554, null),
                argumentSet("Gmail disabled account",
                        "550 5.2.1 The email account that you tried to reach is disabled. a1si1234567qkb.550 - gsmtp",
                        MAILBOX_DISABLED, Classification.UNDETERMINED, 550, "5.2.1"),
                argumentSet("Comcast account suspended", "550 5.2.1 jane@comcast.net account has been suspended",
                        MAILBOX_DISABLED, Classification.UNDETERMINED, 550, "5.2.1"),
                // MESSAGE_TOO_BIG
                argumentSet("Gmail message too big", """
                        552-5.2.3 Your message exceeded Google's message size limits. Please visit
                        552 5.2.3  https://support.google.com/mail/?p=MaxSizeError a1si1234567qkb.552 - gsmtp""",
                        MESSAGE_TOO_BIG, Classification.POLICY, 552, "5.2.3"),
                argumentSet("Postfix message too big", "552 5.3.4 Message size exceeds fixed limit",
                        MESSAGE_TOO_BIG, Classification.POLICY, 552, "5.3.4"),
                argumentSet("Exchange message too big",
                        "550 5.3.4 ROUTING.SizeLimit; message size exceeds fixed maximum size for route",
                        MESSAGE_TOO_BIG, Classification.POLICY, 550, "5.3.4"),
                // NETWORK
                argumentSet("routing loop", "554 5.4.6 Hop count exceeded - possible mail loop",
                        NETWORK, Classification.ROUTING, 554, "5.4.6"),
                argumentSet("Postfix connection timed out",
                        "connect to mx.example.org[192.0.2.25]:25: Connection timed out",
                        NETWORK, Classification.ROUTING, null, null),
                argumentSet("connection refused, temporary", "451 4.4.1 Connection refused by mx.example.org",
                        NETWORK, Classification.TRANSIENT, 451, "4.4.1"),
                // EXPIRED
                argumentSet("Exim retry timeout", "retry timeout exceeded",
                        EXPIRED, Classification.TRANSIENT, null, null),
                argumentSet("Exchange expired", "550 4.4.7 QUEUE.Expired; message expired",
                        EXPIRED, Classification.TRANSIENT, 550, "4.4.7"),
                argumentSet("Postfix delivery time expired",
                        "554 5.4.7 delivery temporarily suspended: connect to mx.example.org[192.0.2.25]:25: "
                                + "Connection timed out",
                        EXPIRED, Classification.TRANSIENT, 554, "5.4.7"),
                // SYSTEM
                argumentSet("Exchange system error", "554 5.3.0 Internal error in processing",
                        SYSTEM, Classification.TRANSIENT, 554, "5.3.0"),
                argumentSet("local error", "451 4.3.0 Temporary local problem - please try later",
                        SYSTEM, Classification.TRANSIENT, 451, "4.3.0"),
                // BLOCKED
                argumentSet("Spamhaus block",
                        "554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; "
                                + "https://www.spamhaus.org/query/ip/192.0.2.1",
                        BLOCKED, Classification.POLICY, 554, "5.7.1"),
                argumentSet("Outlook banned IP",
                        "550 5.7.606 Access denied, banned sending IP [192.0.2.1]. To request removal from this list "
                                + "please visit https://sender.office.com/",
                        BLOCKED, Classification.POLICY, 550, "5.7.606"),
                argumentSet("Yahoo Spamhaus listing",
                        "553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.1, "
                                + "because the ip is in Spamhaus's list; see https://postmaster.yahooinc.com/error-codes",
                        BLOCKED, Classification.POLICY, 553, "5.7.1"),
                argumentSet("Barracuda, no enhanced code",
                        "554 Service unavailable; Client host [192.0.2.1] blocked using Barracuda Reputation; "
                                + "http://www.barracudanetworks.com/reputation/?r=1&ip=192.0.2.1",
                        BLOCKED, Classification.POLICY, 554, null),
                argumentSet("Comcast reputation",
                        "554 resimta-po-12v.sys.comcast.net comcast 192.0.2.1 Comcast block for spam. "
                                + "Please see http://postmaster.comcast.net/smtp-error-codes.php#BL000000",
                        SPAM_DETECTED, Classification.POLICY, 554, null),
                argumentSet("Orange reputation",
                        "550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR_999 [999] mail from 192.0.2.1 "
                                + "rejected due to poor reputation",
                        BLOCKED, Classification.POLICY, 550, "5.7.1"),
                argumentSet("Proofpoint blocked", "554 5.7.1 Blocked by Proofpoint: sender IP reputation",
                        BLOCKED, Classification.POLICY, 554, "5.7.1"),
                // RELAYING_DENIED
                argumentSet("Postfix relay denied", "554 5.7.1 <jane@example.org>: Relay access denied",
                        RELAYING_DENIED, Classification.POLICY, 554, "5.7.1"),
                argumentSet("Exchange relay denied", "550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain",
                        RELAYING_DENIED, Classification.POLICY, 550, "5.7.54"),
                // SPAM_DETECTED
                argumentSet("Gmail unsolicited mail", """
                        550-5.7.1 [192.0.2.1      12] Our system has detected that this message is
                        550-5.7.1 likely unsolicited mail. To reduce the amount of spam sent to Gmail,
                        550 5.7.1 this message has been blocked. a1si1234567qkb.550 - gsmtp""",
                        SPAM_DETECTED, Classification.POLICY, 550, "5.7.1"),
                argumentSet("Mimecast spam", "554 Email rejected due to security policies - looks like spam",
                        SPAM_DETECTED, Classification.POLICY, 554, null),
                argumentSet("iCloud spam", "554 5.7.1 [CS01] Message rejected due to local policy, spam content",
                        SPAM_DETECTED, Classification.POLICY, 554, "5.7.1"),
                // AUTHENTICATION
                argumentSet("Gmail sender authentication",
                        "550-5.7.26 This mail has been blocked because the sender is unauthenticated.",
                        AUTHENTICATION, Classification.POLICY, 550, "5.7.26"),
                argumentSet("Gmail DMARC", "550 5.7.26 Unauthenticated email from example.com is not accepted due to "
                                + "domain's DMARC policy",
                        AUTHENTICATION, Classification.POLICY, 550, "5.7.26"),
                argumentSet("Microsoft SPF hard fail",
                        "550 5.7.23 The message was rejected because of Sender Policy Framework violation",
                        AUTHENTICATION, Classification.POLICY, 550, "5.7.23"),
                argumentSet("Yahoo DKIM, no enhanced code", "554 Message not allowed - [PH01] DKIM signature failed",
                        AUTHENTICATION, Classification.POLICY, 554, null),
                // SENDER_REJECTED
                argumentSet("Sendmail unknown sender domain (5.1.8 is about our side)",
                        "553 5.1.8 <bounce@sender.example>... Domain of sender address bounce@sender.example does not exist",
                        SENDER_REJECTED, Classification.POLICY, 553, "5.1.8"),
                // RATE_LIMITED
                argumentSet("Gmail rate limit",
                        "421 4.7.0 Try again later, closing connection. (EHLO) a1si1234567qkb.421 - gsmtp",
                        RATE_LIMITED, Classification.TRANSIENT, 421, "4.7.0"),
                argumentSet("Gmail receiving rate",
                        "450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents "
                                + "additional messages from being delivered.",
                        RATE_LIMITED, Classification.TRANSIENT, 450, "4.2.1"),
                argumentSet("Yahoo deferral",
                        "421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume "
                                + "or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes",
                        RATE_LIMITED, Classification.TRANSIENT, 421, "4.7.0"),
                argumentSet("Gmail receiving too quickly",
                        "450 4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend "
                                + "your message at a later time.",
                        RATE_LIMITED, Classification.TRANSIENT, 450, "4.2.1"),
                argumentSet("too many recipients", "452 4.5.3 Too many recipients",
                        RATE_LIMITED, Classification.TRANSIENT, 452, "4.5.3"),
                argumentSet("Outlook server busy",
                        "451 4.7.500 Server busy. Please try again later from [192.0.2.1]. (S77719)",
                        POLICY, Classification.TRANSIENT, 451, "4.7.500"),
                // TRANSIENT, other
                argumentSet("Postfix temporary DNS failure for the recipient domain",
                        "450 4.1.2 <jane@example.org>: Recipient address rejected: Domain not found",
                        HOST_UNKNOWN, Classification.TRANSIENT, 450, "4.1.2"),
                argumentSet("greylisting",
                        "450 4.2.0 <jane@example.org>: Recipient address rejected: Greylisted, see "
                                + "http://postgrey.schweikert.ch/help/example.org.html",
                        POLICY, Classification.TRANSIENT, 450, "4.2.0"));
    }

    // ---------------------------------------------------------------------------------------------
    // Policy is never a hard bounce
    // ---------------------------------------------------------------------------------------------

    @ParameterizedTest
    @MethodSource
    void policyBlocksNeverSuppressEvenWhenTheySayUserUnknown(@Nullable Integer reply, @Nullable String enhanced,
                                                            String diagnostic) {
        var diagnosis = classifier.classify(reply, enhanced, diagnostic);

        assertThat(diagnosis.classification()).isEqualTo(Classification.POLICY);
        assertThat(diagnosis.classification().isHardBounce()).isFalse();
        assertThat(diagnosis.reason().suppressesWhenPermanent()).isFalse();
    }

    static Stream<Arguments> policyBlocksNeverSuppressEvenWhenTheySayUserUnknown() {
        return Stream.of(
                argumentSet("5.7.1 in the text",
                        null, null, "550 5.7.1 <jane@example.org>: Recipient address rejected: User unknown"),
                argumentSet("5.7.1 given separately", 550, "5.7.1", "User unknown in virtual mailbox table"),
                argumentSet("5.7.1 given, text carries 5.1.1", null, "5.7.1", "550 5.1.1 User unknown"),
                argumentSet("5.7.x with does-not-exist wording",
                        null, null, "550 5.7.1 Recipient does not exist or has been blocked by policy"),
                argumentSet("no code, policy and user-unknown wording together",
                        554, null, "Rejected: user unknown, client host blocked using zen.spamhaus.org"),
                argumentSet("Spamhaus listing naming an unknown domain",
                        550, null, "Host unknown or blocked: 192.0.2.1 listed at zen.spamhaus.org"),
                argumentSet("Barracuda with no such user", 554, null,
                        "No such user here? Client host blocked using Barracuda Reputation"),
                argumentSet("spam verdict on a mailbox that does not exist", 550, null,
                        "Message rejected as spam; the mailbox does not exist here anyway"),
                argumentSet("SPF failure with invalid recipient", 550, null,
                        "SPF check failed for the sender; invalid recipient"),
                argumentSet("DMARC failure with user unknown", null, null,
                        "550 DMARC policy reject: user unknown at this host"),
                argumentSet("DKIM failure with no such user", 554, null, "DKIM signature invalid - no such user"),
                argumentSet("authentication failure with 5.7.26 and host unknown", 550, "5.7.26",
                        "Host unknown: unauthenticated sender"),
                argumentSet("reputation block with mailbox unavailable", 550, null,
                        "Mailbox unavailable: sending IP has poor reputation"),
                argumentSet("Mimecast policy block with unknown recipient", 550, null,
                        "Rejected by header based Blocked Senders - unknown recipient"),
                argumentSet("relay denied for an unknown user", 554, null, "Relay access denied: unknown user"),
                argumentSet("content policy with does not exist", 552, null,
                        "Message content rejected by policy: attachment type does not exist in whitelist"),
                argumentSet("Outlook 5.7.1 NDR, recipient not found wording", 550, "5.7.1",
                        "RESOLVER.RST.NotAuthorized; not authorized; recipient not found"),
                argumentSet("Proofpoint 5.7.x", null, null, "554 5.7.0 Rejected by Proofpoint: invalid recipient"));
    }

    // ---------------------------------------------------------------------------------------------
    // Nothing usable
    // ---------------------------------------------------------------------------------------------

    /**
     * The field's wordings for each reason a bounce classifier tells apart (Sisimai's {@code Reason} modules list
     * them), in our own words: the unknown user, host and moved mailbox suppress; a rejected sender, a block, a
     * suspended or filtering mailbox and a full one never do, even when they mention the recipient.
     */
    @ParameterizedTest(name = "{0} {1} \"{2}\" suppresses {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            550 | -     | 550 Requested action not taken: mailbox lena.q@fir-mail.example unavailable       | true
            550 | -     | 550 destination server rejected recipients                                       | true
            550 | -     | 550 No thank you rejected: Account Unavailable: kai@fir-mail.example              | true
            550 | -     | 550 rcpt <kai@fir-mail.example> does not exist                                   | true
            550 | -     | 550 Recipient address rejected: user kai does not exist                          | true
            550 | -     | 550 No existe dicha persona                                                      | true
            550 | -     | 550 5.0.0. Mail rejected.                                                        | true
            550 | -     | 550 vdeliver: Invalid or unknown virtual user 'kai'                              | true
            550 | -     | 550 This email address is wrong or no longer valid                               | true
            550 | -     | 550 Recipient domain must exist                                                  | true
            550 | -     | 550 The account or domain may not exist                                          | true
            551 | -     | 551 User not local; please try <kai@new-isp.example>                             | true
            550 | 5.1.2 | 550 5.1.2 Host unknown (Name server: nowhere.example: host not found)            | true
            550 | 5.1.2 | 550 5.1.2 User reject                                                            | false
            550 | 5.2.0 | 550 Unknown user hana@carrier-mobile.example                                     | false
            550 | 5.1.2 | 550 5.1.2 Connection timed out while talking to mx.nowhere.example               | false
            550 | -     | 550 server does not accept mail from your domain                                 | false
            550 | -     | 550 domain spam-sender.example is a dead domain                                  | false
            550 | -     | 550 sorry, that domain isn't in my list of allowed rcpthosts                     | false
            550 | -     | 550 Backscatter protection detected an invalid or expired email address          | false
            550 | -     | 550 invalid/inactive user                                                        | false
            550 | -     | 550 vdelivermail: account is locked email bounced                                | false
            550 | -     | 550 Message from 192.0.2.1 rejected based on blacklist                           | false
            550 | 5.1.1 | 550 5.1.1 <kai@fir-mail.example>... Blocked by the recipient domain              | false
            550 | -     | 550 Recipient address rejected: Sender is on the user's blocklist                | false
            550 | -     | 550 Blocked by recipient user preferences                                        | false
            550 | -     | 550 No such user - virus detected in attachment                                  | false
            552 | -     | 552 Requested mailbox exceeds quota for user kai                                 | false
            554 | -     | 554 Transaction failed                                                           | false
            """)
    void theFieldsWordingsForEachReasonDecideWhetherItSuppresses(@Nullable Integer reply, @Nullable String enhanced,
                                                                 String diagnostic, boolean suppresses) {
        assertThat(classifier.classify(reply, enhanced, diagnostic).classification().isHardBounce())
                .isEqualTo(suppresses);
    }

    /**
     * Replies whose meaning the provider that wrote them documents (Sisimai's {@code Rhost} rules read the same
     * pages): a code of the provider's own decides over the wording and status around it, and a sender-side
     * block never suppresses however the provider words it.
     */
    @ParameterizedTest(name = "{0} {1} \"{2}\" -> {3}, suppresses {4}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            550 | 5.1.1   | 550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. LPN416             | USER_UNKNOWN       | true
            550 | 5.1.1   | 550 5.1.1 Destinataire inconnu / unknown recipient OFR_418                                   | USER_UNKNOWN       | true
            552 | 5.1.1   | 552 5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417                         | MAILBOX_FULL       | false
            550 | 5.1.1   | 550 5.1.1 Destinataire archive. Archived recipient. LPN007_420                               | MAILBOX_DISABLED   | false
            550 | 5.5.0   | 550 5.5.0 Compte destinataire bloque. Recipient account blocked. LPN007_426                  | MAILBOX_DISABLED   | false
            550 | 5.1.1   | 550 5.1.1 Service refuse, unknown recipient OUK_777                                          | UNDETERMINED       | false
            550 | -       | 550 Sorry, no user by that name here https://mail.i.ua/err/2/                                | USER_UNKNOWN       | true
            550 | -       | 550 Mailbox idle for months, see https://mail.i.ua/err/3/                                    | MAILBOX_DISABLED   | false
            550 | -       | 550 Sender not on the recipient's list https://mail.i.ua/err/10/                             | FILTERED           | false
            550 | -       | The response was: 550 : User unknown                                                         | FILTERED           | false
            550 | -       | The response was: 550 <kaito@au-mobile.example>: User unknown                                | USER_UNKNOWN       | true
            554 | -       | 554 mx.cable-isp.example too many invalid recipients from 192.0.2.9 AUP#CXRCPT               | BLOCKED            | false
            550 | 5.1.1   | 550 5.1.1 Unknown recipient - IP blocked, see AUP#CXBL                                       | BLOCKED            | false
            554 | 5.7.1   | 554 5.7.1 Rejected, too many invalid recipients AUP#I-1560                                   | POLICY             | false
            554 | -       | 554 Your IP is blocked for an hour for mailing too many invalid recipients. IB112            | BLOCKED            | false
            550 | -       | 550 user unknown - too many bad recipients from your host                                    | BLOCKED            | false
            554 | -       | 554 delivery error: dd mila.r@yahoo.example is no longer valid. [-5] - mta9.yahoo.example     | MAILBOX_DISABLED   | false
            550 | 5.1.4   | 550 5.1.4 Recipient address reserved by RFC 2606                                             | USER_UNKNOWN       | true
            550 | 5.3.2   | 550 5.3.2 STOREDRV.Deliver: Missing or bad StoreDriver MDB properties                        | NOT_ACCEPTING_MAIL | true
            550 | 5.3.2   | 550 5.3.2 Service not accepting mail from blocked hosts                                      | BLOCKED            | false
            501 | 5.5.4   | 501 5.5.4 Invalid domain name                                                                | BLOCKED            | false
            550 | -       | 550 Mailbox unavailable or access denined                                                    | RATE_LIMITED       | false
            550 | 5.1.1   | 550 5.1.1 RCP-P1 The address you mailed is not one of ours                                   | USER_UNKNOWN       | true
            550 | 5.1.1   | 550 5.1.1 RCP-P3 Privacy settings of the person you wrote to keep you out                    | FILTERED           | false
            450 | 4.2.1   | 450 4.2.1 RCP-T4 That account is switched off for now                                        | MAILBOX_DISABLED   | false
            550 | 5.1.1   | 550 5.1.1 POL-P2 We no longer take mail from your server; no such user                       | BLOCKED            | false
            -   | -       | 198.51.100.61 does not like recipient.                                                       | USER_UNKNOWN       | true
            -   | -       | 198.51.100.61 does not like recipient. This message has been in the queue too long.          | EXPIRED            | false
            """)
    void aProvidersOwnReplyMeaningDecidesWhetherItSuppresses(@Nullable Integer reply, @Nullable String enhanced,
                                                            String diagnostic, BounceReason reason, boolean suppresses) {
        var diagnosis = classifier.classify(reply, enhanced, diagnostic);

        assertThat(diagnosis.reason()).isEqualTo(reason);
        assertThat(diagnosis.classification().isHardBounce()).isEqualTo(suppresses);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "delivery failed", "250 2.0.0 OK", "Undeliverable"})
    void nothingUsableIsUndetermined(@Nullable String diagnostic) {
        var diagnosis = classifier.classify(null, null, diagnostic);

        assertThat(diagnosis.reason()).isEqualTo(UNDETERMINED);
        assertThat(diagnosis.classification()).isEqualTo(Classification.UNDETERMINED);
    }

    /** Both were UNDETERMINED before reasons: the words say what happened, and neither is about the address. */
    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Message expired      | EXPIRED | TRANSIENT
            Connection timed out | NETWORK | ROUTING
            """)
    void expiryAndConnectionFailuresWithoutCodesAreNamedButNeverSuppress(String diagnostic, BounceReason reason,
                                                                        Classification expected) {
        var diagnosis = classifier.classify(null, null, diagnostic);

        assertThat(diagnosis.reason()).isEqualTo(reason);
        assertThat(diagnosis.classification()).isEqualTo(expected);
    }

    @Test
    void invalidCodesAreIgnoredRatherThanTrusted() {
        assertThat(classifier.classify(999, "not-a-code", null))
                .isEqualTo(new BounceDiagnosis(UNDETERMINED, Classification.UNDETERMINED, null, null));
        assertThat(classifier.classify(0, "3.1.1", ""))
                .isEqualTo(new BounceDiagnosis(UNDETERMINED, Classification.UNDETERMINED, null, null));
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
    // Once open bugs in the text column
    // ---------------------------------------------------------------------------------------------

    @Test
    void aVersionNumberInTheTextDoesNotOverrideTheUserUnknownWording() {
        var diagnosis = classifier.classify(null, null,
                "mx1 (MailGate v2.5.1) said: 550 Requested action not taken: mailbox unavailable");

        assertThat(diagnosis).isEqualTo(new BounceDiagnosis(USER_UNKNOWN, Classification.USER_UNKNOWN, reply(550), null));
    }

    @ParameterizedTest
    @MethodSource
    void aRejectedSenderAddressIsNotAHardBounceForTheRecipient(String diagnostic) {
        var diagnosis = classifier.classify(null, null, diagnostic);

        assertThat(diagnosis.reason()).isEqualTo(SENDER_REJECTED);
        assertThat(diagnosis.classification()).isEqualTo(Classification.POLICY);
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
