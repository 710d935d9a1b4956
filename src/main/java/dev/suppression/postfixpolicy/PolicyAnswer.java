package dev.suppression.postfixpolicy;

import dev.suppression.classification.Classification;
import dev.suppression.recipientdomain.DomainStatus;
import dev.suppression.suppression.SuppressionDetails;
import dev.suppression.suppression.SuppressionReason;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code action=} value sent back to Postfix, and what it stands for in the metrics.
 *
 * <p>A refusal is an access(5) {@code NNN text} reply rather than a bare {@code REJECT}, so the submitting
 * application sees 550 and the enhanced status code, not Postfix's default 554. Postfix sends the text as
 * {@code NNN X.Y.Z <recipient>: Recipient address rejected: text}, and RFC 5321 (4.5.3.1.5) limits a reply
 * line to 512 octets with its CRLF; the text is cut to what fits beside that prefix.
 */
record PolicyAnswer(String action, Outcome outcome) {

    /** What happened to a request; one metric series each. */
    enum Outcome {
        ALLOW("DUNNO"), SUPPRESSED("550"), DOMAIN_PAUSED("DEFER_IF_PERMIT"),
        /** Not a recipient: Postfix also asks at other stages when the check is listed there. */
        NOT_JUDGED("DUNNO"),
        /** Not a readable access-policy request, or a recipient that is no mail address. */
        MALFORMED("DUNNO"),
        /** The check could not be made (database down); answered with the configured outage action. */
        UNAVAILABLE("");

        private final String action;

        Outcome(String action) {
            this.action = action;
        }

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The first word of the action sent back; the outage action's is configured, so it is not known here. */
        String action() {
            return action;
        }
    }

    static final String DUNNO = "DUNNO";

    private static final int MAX_REPLY_LINE_OCTETS = 512 - 2;
    private static final String POSTFIX_REPLY_CLASS = ": Recipient address rejected: ";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    static PolicyAnswer allow() {
        return new PolicyAnswer(DUNNO, Outcome.ALLOW);
    }

    static PolicyAnswer notJudged() {
        return new PolicyAnswer(DUNNO, Outcome.NOT_JUDGED);
    }

    static PolicyAnswer malformed() {
        return new PolicyAnswer(DUNNO, Outcome.MALFORMED);
    }

    static PolicyAnswer unavailable(String outageAction) {
        return new PolicyAnswer(outageAction, Outcome.UNAVAILABLE);
    }

    /**
     * {@code 550 5.1.1 <address> is suppressed: <reason> since <date> (ref <id>)}, or 5.7.1 after a complaint
     * (RFC 3463: a policy refusal, not a bad mailbox). The reference is the bounce event that last proved the
     * address dead; manual and complaint suppressions have none, and the reply then carries none.
     *
     * @param asSent the recipient as the client wrote it, which Postfix puts in front of the text
     */
    static PolicyAnswer suppressed(SuppressionDetails suppression, String asSent) {
        var code = suppression.reason() == SuppressionReason.COMPLAINT ? "550 5.7.1 " : "550 5.1.1 ";
        var why = "is suppressed: " + reason(suppression) + " since " + DATE.format(suppression.since())
                + (suppression.lastBounceId() == null ? "" : " (ref " + suppression.lastBounceId() + ")");
        var budget = budget(code, asSent);
        var full = "<" + suppression.address() + "> " + why;
        // Postfix names the recipient right before the text; when both copies do not fit, the second goes.
        var text = octets(full) <= budget ? full : cut(why, budget);
        return new PolicyAnswer(code + text, Outcome.SUPPRESSED);
    }

    /** {@code DEFER_IF_PERMIT 4.7.1 sends to <domain> are paused: <why>}: a 450 that Postfix retries later. */
    static PolicyAnswer domainPaused(DomainStatus domain, String asSent) {
        var code = "DEFER_IF_PERMIT 4.7.1 ";
        var why = domain.distinctAddresses() > 0
                ? domain.distinctAddresses() + " of its addresses hard-bounced since "
                        + DATE.format(domain.windowStart()) + "; resumed by ops once its routing is confirmed"
                : "too many of its addresses hard-bounced; resumed by ops once its routing is confirmed";
        var paused = domain.pausedAt() == null ? "" : " (paused " + DATE.format(domain.pausedAt()) + ")";
        var text = "sends to " + domain.domain() + " are paused: " + why + paused;
        // Postfix writes 450 for DEFER_IF_PERMIT: the budget is that of a 450 4.7.1 reply.
        return new PolicyAnswer(code + cut(text, budget("450 4.7.1 ", asSent)), Outcome.DOMAIN_PAUSED);
    }

    private static String reason(SuppressionDetails suppression) {
        return switch (suppression.reason()) {
            case HARD_BOUNCE -> suppression.classification() == Classification.BAD_DOMAIN
                    ? "hard bounce (domain does not accept mail)" : "hard bounce (mailbox does not exist)";
            case MANUAL -> "added by ops";
            case COMPLAINT -> "spam complaint";
        };
    }

    private static int budget(String code, String asSent) {
        return MAX_REPLY_LINE_OCTETS - code.length() - octets("<" + asSent + ">" + POSTFIX_REPLY_CLASS);
    }

    private static int octets(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The longest prefix of {@code text} within {@code budget} UTF-8 octets, never splitting a character. */
    static String cut(String text, int budget) {
        if (octets(text) <= budget) {
            return text;
        }
        var out = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = octets(Character.toString(cp));
            if (used + size > budget) {
                break;
            }
            out.appendCodePoint(cp);
            used += size;
            i += Character.charCount(cp);
        }
        return out.toString().stripTrailing();
    }
}
