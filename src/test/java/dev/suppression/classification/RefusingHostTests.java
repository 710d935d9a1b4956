package dev.suppression.classification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The refusing host, as each MTA names it in its text. */
class RefusingHostTests {

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', textBlock = """
            host MX1.Shop.example[192.0.2.7] said: 550 5.1.1 User unknown (in reply to RCPT TO command)        | mx1.shop.example
            SMTP error from remote mail server after RCPT TO:<ann@shop.example>: host mx2.shop.example [192.0.2.8]: 550 No such user | mx2.shop.example
            '... while talking to mx4.shop.example.:\n>>> RCPT To:<ann@shop.example>\n<<< 550 User unknown'   | mx4.shop.example
            Connected to 192.0.2.10 but sender was rejected. Remote host said: 553 Sorry                        | 192.0.2.10
            192.0.2.11 does not like recipient. Remote host said: 550 Unknown user                             | 192.0.2.11
            Remote-MTA: dns; mx5.shop.example                                                                   | mx5.shop.example
            """)
    void theRefusingHostIsReadFromTheWordsEachMtaUses(String text, String host) {
        assertThat(RefusingHost.readFrom(text.replace("\\n", "\n"))).isEqualTo(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"550 5.1.1 User unknown", "Host unknown", "554 delivery error: dd not a valid host", "",
            "connect to mx3.shop.example[192.0.2.9]:25: Connection timed out"})
    void aTextThatNamesNoHostGivesNone(String text) {
        assertThat(RefusingHost.readFrom(text)).isNull();
    }
}
