package dev.suppression.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

/** The stage of a refusal, as the MTAs of the field word it and as providers name it. */
class SmtpStageTests {

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', textBlock = """
            # Postfix
            host mx.shop.example[192.0.2.7] said: 550 5.1.1 <ann@shop.example>: Recipient address rejected: User unknown (in reply to RCPT TO command) | RCPT
            host mx.shop.example[192.0.2.7] said: 554 5.7.1 Message refused by the content scanner (in reply to end of DATA command)   | DATA
            host mx.shop.example[192.0.2.7] said: 553 5.7.1 Your sender address is not welcome here (in reply to MAIL FROM command)  | MAIL
            host mx.shop.example[192.0.2.7] said: 504 5.5.2 Please say hello properly (in reply to EHLO command)                      | HELO
            host mx.shop.example[192.0.2.7] refused to talk to me: 554 5.7.1 Go away                                                   | CONNECT
            host mx.shop.example[192.0.2.7] said: 554 5.7.1 <ann@shop.example>: Helo command rejected: Host not found (in reply to RCPT TO command) | HELO
            # Exim
            SMTP error from remote mail server after RCPT TO:<ann@shop.example>: 550 No such mailbox here                             | RCPT
            SMTP error from remote mail server after pipelined RCPT TO:<ann@shop.example>: 550 No such mailbox here                   | RCPT
            SMTP error from remote mail server after end of data: 550 Administrative prohibition                                      | DATA
            SMTP error from remote mail server after MAIL FROM:<news@sender.example> SIZE=20480: 550 Refused                          | MAIL
            SMTP error from remote mail server after initial connection: 554 Your host is not welcome                                 | CONNECT
            SMTP error from remote mail server after EHLO mail.sender.example: 550 Bad hostname                                       | HELO
            # qmail
            Connected to 192.0.2.9 but sender was rejected. Remote host said: 553 Sorry                                               | MAIL
            Connected to 192.0.2.9 but my name was rejected. Remote host said: 501 Invalid domain name                               | HELO
            Connected to 192.0.2.9 but greeting failed. Remote host said: 421 Closing                                                | CONNECT
            192.0.2.9 does not like recipient. Remote host said: 550 Unknown user                                                    | RCPT
            192.0.2.9 failed after I sent the message. Remote host said: 554 Content refused                                         | DATA
            # Sendmail and Courier transcripts: the last command sent decides
            '... while talking to mx.shop.example.:\n>>> MAIL From:<news@sender.example>\n>>> RCPT To:<ann@shop.example>\n<<< 550 5.1.1 User unknown' | RCPT
            '... while talking to mx.shop.example.:\n>>> DATA\n<<< 554 5.7.1 Rejected by the filter'                                 | DATA
            # Nothing that names a stage
            550 5.1.1 The mailbox you wrote to does not exist                                                                        | UNKNOWN
            554 Mailbox unavailable after a long failure period                                                                      | UNKNOWN
            """)
    void theStageIsReadFromTheWordsEachMtaUses(String text, SmtpStage stage) {
        assertThat(SmtpStage.readFrom(text.replace("\\n", "\n"))).isEqualTo(stage);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noTextNamesNoStage(String text) {
        assertThat(SmtpStage.readFrom(text)).isEqualTo(SmtpStage.UNKNOWN);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"RCPT, RCPT", "rcpt to, RCPT", "MAIL FROM, MAIL", "ehlo, HELO", "HELO, HELO", "data, DATA",
            "end of data, DATA", "connect, CONNECT", "banner, CONNECT", "unknown, UNKNOWN", "quit, UNKNOWN"})
    void aProviderMayNameTheStageInOneWord(String word, SmtpStage stage) {
        assertThat(SmtpStage.named(word)).isEqualTo(stage);
    }

    @ParameterizedTest
    @EnumSource(value = SmtpStage.class, names = {"RCPT", "UNKNOWN"})
    void onlyARefusalAtRcptOrAtAnUnknownStageCanConcernTheRecipient(SmtpStage stage) {
        assertThat(stage.concernsTheRecipient()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = SmtpStage.class, names = {"CONNECT", "HELO", "MAIL", "DATA"})
    void aRefusalAtAnyOtherStageNeverConcernsTheRecipient(SmtpStage stage) {
        assertThat(stage.concernsTheRecipient()).isFalse();
    }
}
