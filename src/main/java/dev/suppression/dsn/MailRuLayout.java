package dev.suppression.dsn;

/** Mail.ru bounces from mailer-daemon at corp.mail.ru (Exim-like text). */
final class MailRuLayout implements BounceLayout {

    @Override
    public String name() {
        return "Mail.ru";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.fromContains("mail.ru") || bounce.headerContains("Received", ".mail.ru"));
    }
}
