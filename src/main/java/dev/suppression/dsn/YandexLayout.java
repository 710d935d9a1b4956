package dev.suppression.dsn;

/** Yandex bounces from mailer-daemon at yandex.ru (Postfix-like text). */
final class YandexLayout implements BounceLayout {

    @Override
    public String name() {
        return "Yandex";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        // A provider's own sender or relay tells its bounces, but its users write ordinary mail from there too.
        return bounce.fromMailerDaemon() && (bounce.fromContains("yandex.") || bounce.headerContains("Received", "mail.yandex.net"));
    }
}
