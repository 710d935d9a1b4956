package dev.suppression.dsn;

/** X3 frames its text in lines of {@code =}, lists {@code   * jane@x} and gives "Technical details" as {@code SMTP:RCPT host 192.0.2.8: 553 ...}. */
final class X3Layout implements BounceLayout {

    @Override
    public String name() {
        return "unbranded mailer daemon X3";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("this is an automatically generated delivery status notification") && bounce.says("technical details");
    }
}
