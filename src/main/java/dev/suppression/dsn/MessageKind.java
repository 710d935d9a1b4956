package dev.suppression.dsn;

/** What a message posted as a bounce turned out to be when it is not one (or not one that can be read). */
public enum MessageKind {
    AUTO_REPLY("an automatic reply (out of office / vacation)",
            "An auto-reply says the mailbox exists, so nothing was recorded; leave auto-replies out of what you post here."),
    CHALLENGE_RESPONSE("a challenge-response request (the recipient's spam filter asks the sender to prove they are human)",
            "The mailbox exists, so nothing was recorded; leave such requests out of what you post here."),
    FEEDBACK_REPORT("an ARF feedback report (multipart/report; report-type=feedback-report): a spam complaint",
            "A complaint is not a bounce and never suppresses through this endpoint; nothing was recorded."),
    READ_RECEIPT("a read receipt (multipart/report; report-type=disposition-notification)",
            "Nothing was recorded."),
    DELIVERY_SUCCESS("a delivery status notification that reports only successful delivery",
            "Only recipients whose Action is 'failed' or 'delayed' are bounces; nothing was recorded."),
    UNREADABLE_BOUNCE("a bounce in which no failed recipient address could be found",
            "Nothing was recorded; post the recipient and the SMTP response as JSON to POST /bounces instead."),
    ORDINARY_MAIL("an ordinary message",
            "It is neither a delivery status notification (multipart/report; report-type=delivery-status) nor a "
                    + "bounce in one of the ~60 MTA and provider layouts this service reads (qmail, Exim, Postfix, "
                    + "Sendmail, Exchange / Microsoft 365, Gmail, Yahoo, Domino, Amazon SES and others), and it does "
                    + "not come from a mailer daemon, so nothing was recorded.");

    private final String description;
    private final String consequence;

    MessageKind(String description, String consequence) {
        this.description = description;
        this.consequence = consequence;
    }

    /** A phrase that completes "This message is ...". */
    public String description() {
        return description;
    }

    /** The sentence a person reads: what the message is, what gave it away, and what happened. */
    String explain(String evidence) {
        var what = this == UNREADABLE_BOUNCE ? "This message is " + description
                : "This message is " + description + ", not a bounce";
        return what + (evidence.isEmpty() ? "" : " (" + evidence + ")") + ". " + consequence;
    }
}
