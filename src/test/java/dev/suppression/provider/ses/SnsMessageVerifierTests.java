package dev.suppression.provider.ses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.suppression.provider.WebhookAuthenticationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class SnsMessageVerifierTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AllowedSnsHosts DEFAULT_HOSTS =
            new AllowedSnsHosts(List.of("sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?"));

    @Test
    void aNotificationSignsMessageMessageIdSubjectTimestampTopicArnAndType() {
        var message = read("""
                {"Type" : "Notification", "MessageId" : "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
                 "TopicArn" : "arn:aws:sns:us-west-2:123456789012:MyTopic", "Subject" : "My First Message",
                 "Message" : "Hello world!\\nSecond line", "Timestamp" : "2012-05-02T00:54:06.655Z",
                 "SignatureVersion" : "1", "Signature" : "EXAMPLE",
                 "SigningCertURL" : "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-f3ecfb7224c7233fe7bb5f59f96de52f.pem",
                 "UnsubscribeURL" : "https://sns.us-west-2.amazonaws.com/?Action=Unsubscribe"}
                """);

        assertThat(SnsMessageVerifier.stringToSign(message)).isEqualTo("""
                Message
                Hello world!
                Second line
                MessageId
                22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324
                Subject
                My First Message
                Timestamp
                2012-05-02T00:54:06.655Z
                TopicArn
                arn:aws:sns:us-west-2:123456789012:MyTopic
                Type
                Notification
                """);
    }

    @Test
    void aNotificationWithoutSubjectLeavesItOut() {
        var message = read("""
                {"Type" : "Notification", "MessageId" : "m-1", "TopicArn" : "arn:aws:sns:us-east-1:1:t",
                 "Message" : "{}", "Timestamp" : "2012-05-02T00:54:06.655Z", "SignatureVersion" : "2",
                 "Signature" : "EXAMPLE", "SigningCertURL" : "https://sns.us-east-1.amazonaws.com/c.pem"}
                """);

        assertThat(SnsMessageVerifier.stringToSign(message))
                .isEqualTo("Message\n{}\nMessageId\nm-1\nTimestamp\n2012-05-02T00:54:06.655Z\n"
                        + "TopicArn\narn:aws:sns:us-east-1:1:t\nType\nNotification\n");
    }

    @Test
    void aSubscriptionConfirmationSignsSubscribeUrlAndToken() {
        var message = read("""
                {"Type" : "SubscriptionConfirmation", "MessageId" : "165545c9", "Token" : "2336412f37",
                 "TopicArn" : "arn:aws:sns:us-west-2:123456789012:MyTopic", "Message" : "You have chosen to subscribe",
                 "SubscribeURL" : "https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&Token=2336412f37",
                 "Timestamp" : "2012-04-26T20:45:04.751Z", "SignatureVersion" : "1", "Signature" : "EXAMPLE",
                 "SigningCertURL" : "https://sns.us-west-2.amazonaws.com/c.pem"}
                """);

        assertThat(SnsMessageVerifier.stringToSign(message)).isEqualTo("Message\nYou have chosen to subscribe\n"
                + "MessageId\n165545c9\n"
                + "SubscribeURL\nhttps://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&Token=2336412f37\n"
                + "Timestamp\n2012-04-26T20:45:04.751Z\nToken\n2336412f37\n"
                + "TopicArn\narn:aws:sns:us-west-2:123456789012:MyTopic\nType\nSubscriptionConfirmation\n");
    }

    @Test
    void aMessageWithoutASignedFieldCannotBeVerified() {
        assertThatThrownBy(() -> read("""
                {"Type" : "Notification", "MessageId" : "m-1", "TopicArn" : "arn:aws:sns:us-east-1:1:t",
                 "Timestamp" : "2012-05-02T00:54:06.655Z", "SignatureVersion" : "2", "Signature" : "EXAMPLE",
                 "SigningCertURL" : "https://sns.us-east-1.amazonaws.com/c.pem"}
                """)).isInstanceOf(WebhookAuthenticationException.class).hasMessageContaining("Message");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-a.pem",
            "https://sns.eu-central-1.amazonaws.com/SimpleNotificationService-a.pem",
            "https://sns.us-gov-west-1.amazonaws.com/SimpleNotificationService-a.pem",
            "https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-a.pem",
            "https://SNS.US-EAST-1.AMAZONAWS.COM/SimpleNotificationService-a.pem",
            "https://sns.us-east-1.amazonaws.com:443/SimpleNotificationService-a.pem"})
    void snsHostsAreAllowed(String url) {
        assertThat(DEFAULT_HOSTS.require(url, "SigningCertURL")).hasHost(java.net.URI.create(url).getHost());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://sns.us-east-1.amazonaws.com/SimpleNotificationService-a.pem",
            "https://sns.us-east-1.amazonaws.com.attacker.example/a.pem",
            "https://attacker.example/sns.us-east-1.amazonaws.com/a.pem",
            "https://sns.amazonaws.com/a.pem",
            "https://sqs.us-east-1.amazonaws.com/a.pem",
            "https://sns.us-east-1.amazonaws.com:8443/a.pem",
            "https://user:pw@sns.us-east-1.amazonaws.com/a.pem",
            "file:///etc/passwd",
            "not a url"})
    void everythingElseIsRefused(String url) {
        assertThatThrownBy(() -> DEFAULT_HOSTS.require(url, "SigningCertURL"))
                .isInstanceOf(WebhookAuthenticationException.class);
    }

    private static SnsMessage read(String json) {
        return SnsMessage.read(json.getBytes(StandardCharsets.UTF_8), JSON);
    }
}
