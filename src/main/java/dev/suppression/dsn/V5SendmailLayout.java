package dev.suppression.dsn;

/**
 * Sendmail version 5 and the appliances built on it: "Returned mail: ..." with only a session transcript
 * ({@code >>> RCPT To:<jane@x>}, {@code <<< 550 ...}) and "----- Unsent message follows -----".
 */
final class V5SendmailLayout implements BounceLayout {

    @Override
    public String name() {
        return "Sendmail 5";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.subjectStartsWith("Returned mail: ") && bounce.says("----- transcript of session follows -----")
                && (bounce.returned().toLowerCase(java.util.Locale.ROOT).contains("----- unsent message follows -----")
                    || bounce.returned().toLowerCase(java.util.Locale.ROOT).contains("----- no message was collected -----"))
                && !bounce.says("----- the following addresses had permanent fatal errors -----");
    }
}
