package dev.suppression.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HostInResponseTests {

    @ParameterizedTest(name = "{1} in: {0}")
    @CsvSource(delimiter = '|', textBlock = """
            host mx0a-001.pphosted.com[192.0.2.5] said: 550 5.1.1 User unknown (in reply to RCPT TO command) | mx0a-001.pphosted.com
            SMTP error from remote mail server after RCPT TO:<a@b.example>: host mx.b.example [192.0.2.1]: 550 Unrouteable | mx.b.example
            Reporting-MTA: dns; out.sender.example Remote-MTA: dns; MX1.Mail.Example. Diagnostic-Code: smtp; 550 | mx1.mail.example
            Remote Server at acme-com.mail.protection.outlook.com (52.101.1.1) returned '550 5.4.1' | acme-com.mail.protection.outlook.com
            mx.c.example[2001:db8::1] said: 550 5.1.1 no such user | mx.c.example
            """)
    void theRejectingHostIsReadFromTheMtasWords(String text, String host) {
        assertThat(HostInResponse.readFrom(text)).contains(host);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"550 5.1.1 user unknown", "Recipient address rejected: mail.example is not local"})
    void textThatNamesNoHostGivesNone(String text) {
        assertThat(HostInResponse.readFrom(text)).isEmpty();
    }
}
