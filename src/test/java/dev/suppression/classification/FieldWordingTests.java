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
            """)
    void aDomainNobodyHoldsIsABadDomainWhenPermanent(String diagnostic) {
        var diagnosis = classifier.classify(null, null, diagnostic);

        assertThat(diagnosis.reason()).isEqualTo(BounceReason.HOST_UNKNOWN);
        assertThat(diagnosis.classification().isHardBounce()).isEqualTo(diagnostic.startsWith("5"));
    }
}
