package dev.suppression.dsn;

/** Sendmail's savemail.c texts. */
final class SendmailLayout implements BounceLayout {

    @Override
    public String name() {
        return "Sendmail";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.says("----- the following addresses had permanent fatal errors -----") || bounce.says("----- transcript of session follows -----")
                || bounce.says("the original message was received at");
    }
}
