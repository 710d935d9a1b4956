package dev.suppression.dsn;

/** InterScan quotes the session: {@code Sent <<< RCPT TO:<jane@x>} and {@code Received >>> 550 ...} (the arrows the other way round from Sendmail's). */
final class InterScanMssLayout implements BounceLayout {

    @Override
    public String name() {
        return "Trend Micro InterScan MSS";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return bounce.fromContains("InterScan MSS") || bounce.subjectStartsWith("Mail could not be delivered");
    }
}
