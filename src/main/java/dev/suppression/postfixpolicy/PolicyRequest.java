package dev.suppression.postfixpolicy;

import org.jspecify.annotations.Nullable;

/**
 * The attributes of one policy request that the answer depends on or the log names; Postfix sends some
 * twenty more, which are read and dropped.
 *
 * @param request       {@code smtpd_access_policy} from any Postfix SMTP server
 * @param protocolState the SMTP command being judged ({@code RCPT}, {@code DATA}, ...)
 * @param recipient     the recipient as the client gave it, without the angle brackets
 * @param queueId       Postfix's queue id, for the log; empty before the message has one
 * @param clientAddress the SMTP client's address, for the log
 * @param unreadable    how many lines of the request were not {@code name=value} or were too long
 */
record PolicyRequest(@Nullable String request, @Nullable String protocolState, @Nullable String recipient,
                     @Nullable String queueId, @Nullable String clientAddress, int unreadable) {

    static final String SMTPD_ACCESS_POLICY = "smtpd_access_policy";

    boolean isAccessPolicy() {
        return SMTPD_ACCESS_POLICY.equals(request);
    }

    boolean isRecipientStage() {
        return "RCPT".equalsIgnoreCase(protocolState);
    }
}
