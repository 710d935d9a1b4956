package dev.suppression.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wordings of the field the classifier once missed, read from the diagnostic text alone (what an ESP passes
 * on). A mailbox nobody holds suppresses; a block list, a refused poster or a recipient's own filter never
 * does, whatever code the receiver chose for it.
 */
class FieldWordingTests {

    private final BounceClassifier classifier = new BounceClassifier();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            550 Recipient not OK
            550 unknown local-part "ann" in domain "shop.example"
            550 no valid recipients, bye
            550 The user's email name is not found.
            550 Mailbox not present
            550 Destination server rejected recipients
            550 There is no one at this address
            550 ann@shop.example: user not known
            550 unknown mailbox
            550 5.1.0 Address rejected.
            550 <ann@shop.example>... Mailbox is inactive
            553 sorry, your envelope recipient has been denied
            550 sorry, that domain or user isn't in my list of allowed rcpthosts
            550 Recipient address rejected: Access denied
            550 Nessun utente con questo indirizzo
            550 Benutzer unbekannt
            550 Destinataire inconnu
            550 Usuario desconocido
            550 Requested action not taken: non-existent user
            550 No such account here
            550 5.1.1 This account has been closed
            550 The recipient's e-mail address was not found in the recipient's e-mail system
            550 vdeliver: invalid or unknown virtual user ann
            550 The email address could not be found
            550 not a valid user here
            550 This email address is wrong or no longer valid
            553 sorry, this recipient is in my badrecipientto list (#5.7.1)
            553 sorry, this recipient is not in my validrcptto list (#5.7.1)
            553 sorry, your envelope recipient is in my badrcptto list (#5.7.1)
            550 Die Nachricht wurde nicht zugestellt, weil die Adresse nicht gefunden wurde
            550 <ann@shop.example> not found
            550 BAD_RECIPIENT
            550 Recipient ann was not found in LDAP
            550 User ann was not found
            550 User (ann) unknown
            550 RCPT (ann) doesn't exist
            550 Utilisateur inconnu !
            550 ディレクトリのリストにありません
            550 指定されたユーザーが存在しません
            550 宛先不明のため配送できませんでした
            """)
    void aMailboxNobodyHoldsSuppresses(String diagnostic) {
        var diagnosis = classifier.classify(null, null, diagnostic);

        assertThat(diagnosis.reason()).isEqualTo(BounceReason.USER_UNKNOWN);
        assertThat(diagnosis.classification().isHardBounce()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # diagnostic                                                                              | status | reason
            550 5.1.1 IP address blacklisted by recipient                                             | -      | BLOCKED
            550 IP address blacklisted by recipient                                                   | -      | BLOCKED
            553 <https://www.spamhaus.org/query/ip/192.0.2.44>                                        | -      | BLOCKED
            553 https://www.spamhaus.org/query/ip/192.0.2.44                                          | -      | BLOCKED
            550 5.1.1 Mail from your IP address is refused, it is on a block list                     | 5.1.1  | BLOCKED
            550 5.1.1 Relaying denied for this recipient                                              | 5.1.1  | RELAYING_DENIED
            554 Connections from dynamic IP ranges are not accepted                                    | -      | BLOCKED
            550 The group you tried to contact may not exist, or you may not have permission to post   | -      | SENDER_REJECTED
            550 Le groupe que vous avez tenté de contacter n'existe peut-être pas, ou vous n'êtes pas autorisé à y publier | - | SENDER_REJECTED
            550 5.1.1 You are not allowed to post to this members-only list                          | 5.1.1  | SENDER_REJECTED
            553 Invalid sender domain, mail refused                                                   | -      | SENDER_REJECTED
            550 Message rejected due to user rules                                                    | -      | FILTERED
            550 Recipient is only accepting mail from specific email addresses                         | -      | FILTERED
            550 Mailbox unavailable or access denied                                                  | -      | BLOCKED
            550 5.2.1 This mailbox has been temporarily locked                                        | 5.2.1  | MAILBOX_DISABLED
            550 Recipient archived recipient, mail not accepted                                       | -      | MAILBOX_DISABLED
            550 5.1.1 The account of this user is disabled                                            | 5.1.1  | MAILBOX_DISABLED
            550 This address no longer accepts mail                                                   | -      | MAILBOX_DISABLED
            """)
    void aRefusalOfUsOrOfTheMessageNeverSuppresses(String diagnostic, @Nullable String status, BounceReason reason) {
        var diagnosis = classifier.classify(null, status, diagnostic);

        assertThat(diagnosis.reason()).isEqualTo(reason);
        assertThat(diagnosis.classification().isHardBounce()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            550 Mail domain mentioned in email address is unknown
            550 Recipient domain must exist
            451 Name or service not known
            550 Domain is not reachable
            550 Host unreachable
            550 The account or domain may not exist
            550 all host address lookups failed permanently
            """)
    void aDomainNobodyHoldsIsABadDomainWhenPermanent(String diagnostic) {
        var diagnosis = classifier.classify(null, null, diagnostic);

        assertThat(diagnosis.reason()).isEqualTo(BounceReason.HOST_UNKNOWN);
        assertThat(diagnosis.classification().isHardBounce()).isEqualTo(diagnostic.startsWith("5"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            550 Mail receiving disabled
            554 No route for current request
            554 SMTP protocol returned a permanent error
            550 an MX or SRV record indicated no SMTP service
            550 no host found for existing SMTP connection
            Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)
            """)
    void aHostThatTakesNoMailIsABadDomain(String diagnostic) {
        var diagnosis = classifier.classify(null, null, diagnostic);

        assertThat(diagnosis.reason()).isEqualTo(BounceReason.NOT_ACCEPTING_MAIL);
        assertThat(diagnosis.classification().isHardBounce()).isTrue();
    }

    /** The block, reputation, spam, authentication and sender wordings Sisimai reads as anything but a hard bounce. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            550 Sender is spammer
            553 5.3.0 ann... Spamhaus
            550 Mail from 192.0.2.1 refused: see http://blocklist.example
            550 Your access to submit messages to this e-mail system has been rejected
            553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)
            550 5.7.1 Part of their network is on our block list (S3150)
            550 Rejected by header based Anti-Spoofing policy
            550 Message rejected because it contains malware
            550 5.7.509 Access denied, sending domain shop.example does not pass DMARC verification
            550 Administrative prohibition
            550 Go away
            550 Access denied. IP name lookup failed [192.0.2.1]
            550 Please use the smtp server of your ISP
            550 sorry, your remotehost looks suspiciously like spammer
            554 Transaction failed: Local Policy Violation
            550 Blocked - see https://ipcheck.proofpoint.example/?ip=192.0.2.1
            550 Please inspect your SPF settings
            550 Reverse DNS lookup for host 192.0.2.1 failed permanently
            550 Client host rejected: cannot find your hostname
            550 Not currently accepting mail from your ip
            550 Rejecting open proxy
            550 Server IP 192.0.2.1 listed as abusive
            550 We do not accept mail from dynamic IPs
            550 5.7.1 Recipient address rejected: ann does not exist
            550 Mailfrom domain is listed in spamhaus
            550 Too many spam complaints
            550 Backscatter protection detected an invalid or expired email address
            550 Fully qualified email address required
            550 Please turn on SMTP Authentication in your mail client
            550 Message has been rejected due to content restrictions
            550 Recipient rejected: temporarily inactive
            550 User suspended
            550 This account has been disabled or discontinued
            554 Sending address not accepted due to spam filter
            553 <ann@shop.example>... Blocked by SpamAssassin
            """)
    void theFieldsPolicyWordingsNeverSuppress(String diagnostic) {
        assertThat(classifier.classify(null, null, diagnostic).classification().isHardBounce()).isFalse();
    }
}
