package dev.suppression.dsn;

/**
 * OpenSMTPD's notice: "This is the MAILER-DAEMON, please DO NOT REPLY to this e-mail." then "An error has occurred
 * while attempting to deliver a message for the following list of recipients:", each recipient at the start of
 * its line followed by the server's reply ({@code jane@x: 550 5.1.1 ...}), which the generic reading handles.
 */
final class OpenSmtpdLayout implements BounceLayout {

    @Override
    public String name() {
        return "OpenSMTPD";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("this is the mailer-daemon, please do not reply to this")
                || (bounce.headerContains("Received", "(OpenSMTPD)")
                        && bounce.saysAny("for the following list of recipients", "delivery status notification"));
    }
}
