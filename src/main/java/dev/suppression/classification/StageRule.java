package dev.suppression.classification;

import java.util.List;

/**
 * The stage rule: only a refusal of the recipient itself can say that a mailbox does not exist. A refusal on
 * connection, at {@code HELO}/{@code EHLO} or after {@code MAIL FROM} comes before any recipient was named, so it
 * is about the sending host or our envelope sender, whatever its code says. A "user unknown" given after the end of
 * {@code DATA} comes from a filter that read the message (a content scanner, a recipient's own rule), not from the
 * mailbox lookup, so it counts as evidence only, unless it plainly says the mailbox does not exist: an x.1.1 status
 * together with the words of a mailbox lookup.
 * When the stage is not known, the codes and the text decide as before.
 */
final class StageRule {

    /**
     * What a receiver writes when it looked the mailbox up and found none, narrowly: a filter's generic refusal
     * ("rejected", "not accepted", "undeliverable") is not among them.
     */
    private static final List<String> PLAINLY_NO_SUCH_MAILBOX = List.of(
            "user unknown", "unknown user", "no such user", "no such mailbox", "no such recipient",
            "mailbox unavailable", "mailbox does not exist", "mailbox not found", "user does not exist",
            "recipient does not exist", "account does not exist", "address does not exist", "user not found",
            "recipient unknown", "unknown recipient");

    private StageRule() {
    }

    /** The diagnosis as the stage leaves it; {@code text} is the normalized diagnostic. */
    static BounceDiagnosis apply(BounceDiagnosis diagnosis, SmtpStage stage, String text) {
        var reason = diagnosis.reason();
        boolean aboutTheRecipient = reason.suppressesWhenPermanent();
        return switch (stage) {
            case CONNECT, HELO -> aboutTheRecipient || reason == BounceReason.UNDETERMINED
                    ? overruled(diagnosis, BounceReason.BLOCKED, stage == SmtpStage.CONNECT
                            ? "refused on connection, before any recipient was named: the receiver blocked the "
                              + "sending host, so the address is not suppressed"
                            : "refused at HELO/EHLO, before any recipient was named: the receiver rejected the "
                              + "sending host's name, so the address is not suppressed")
                    : diagnosis;
            case MAIL -> aboutTheRecipient || reason == BounceReason.UNDETERMINED
                    ? overruled(diagnosis, BounceReason.SENDER_REJECTED, "refused after MAIL FROM, before any "
                            + "recipient was named: the receiver rejected our sender, so the address is not suppressed")
                    : diagnosis;
            case DATA -> {
                if (!aboutTheRecipient) {
                    yield diagnosis;
                }
                if (plainlyNoSuchMailbox(diagnosis, text)) {
                    yield new BounceDiagnosis(reason, diagnosis.classification(), diagnosis.replyCode(),
                            diagnosis.enhancedCode(), "refused after the end of DATA, but both the status ("
                            + diagnosis.enhancedCode() + ") and the words say that the mailbox does not exist");
                }
                yield overruled(diagnosis, BounceReason.FILTERED, "refused after the end of DATA: a \"no such "
                        + "recipient\" given once the message was read comes from a recipient-side filter, not the "
                        + "mailbox lookup; kept as evidence, the address is not suppressed");
            }
            case RCPT, UNKNOWN -> diagnosis;
        };
    }

    /**
     * Plainly: an addressing status (x.1.1) and the words of a mailbox lookup together. A filter that reuses
     * "user unknown" for whatever it refused rarely bothers with the status as well.
     */
    private static boolean plainlyNoSuchMailbox(BounceDiagnosis diagnosis, String text) {
        var code = diagnosis.enhancedCode();
        return diagnosis.reason() == BounceReason.USER_UNKNOWN && code != null && code.subject() == 1
                && code.detail() == 1 && BounceClassifier.containsAny(text, PLAINLY_NO_SUCH_MAILBOX);
    }

    private static BounceDiagnosis overruled(BounceDiagnosis diagnosis, BounceReason reason, String detail) {
        boolean temporary = diagnosis.classification() == Classification.TRANSIENT;
        return new BounceDiagnosis(reason, reason.classification(temporary), diagnosis.replyCode(),
                diagnosis.enhancedCode(), detail);
    }
}
