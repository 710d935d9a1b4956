package dev.suppression.provider.ses;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The three kinds of message SNS posts to an HTTP/S subscriber, each with the fields its signature covers, in the
 * order of the string to sign (AWS, "Verifying the signatures of Amazon SNS messages").
 */
enum SnsMessageType {

    /** A message published to the topic; {@code Message} holds the SES notification. */
    NOTIFICATION("Notification", List.of("Message", "MessageId", "Subject", "Timestamp", "TopicArn", "Type")),
    /** Sent once when the endpoint is subscribed; visiting {@code SubscribeURL} confirms the subscription. */
    SUBSCRIPTION_CONFIRMATION("SubscriptionConfirmation", List.of("Message", "MessageId", "SubscribeURL",
            "Timestamp", "Token", "TopicArn", "Type")),
    /** Sent when the endpoint was unsubscribed. */
    UNSUBSCRIBE_CONFIRMATION("UnsubscribeConfirmation", List.of("Message", "MessageId", "SubscribeURL",
            "Timestamp", "Token", "TopicArn", "Type"));

    /** Signed only when present: SNS leaves it out when the publisher gave no subject. */
    static final String OPTIONAL_SIGNED_FIELD = "Subject";

    private final String wireName;
    private final List<String> signedFields;

    SnsMessageType(String wireName, List<String> signedFields) {
        this.wireName = wireName;
        this.signedFields = signedFields;
    }

    /** The {@code Type} value and {@code x-amz-sns-message-type} header, e.g. {@code Notification}. */
    String wireName() {
        return wireName;
    }

    List<String> signedFields() {
        return signedFields;
    }

    static Optional<SnsMessageType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
