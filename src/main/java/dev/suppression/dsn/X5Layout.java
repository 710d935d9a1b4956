package dev.suppression.dsn;

import java.util.List;
import java.util.Locale;

/**
 * Unbranded mailer daemon X5: the delivery status report is not a part of the bounce but of the message it
 * returns (a bounce forwarded inside another), so the report is read from the returned message.
 */
final class X5Layout implements BounceLayout {

    private static final String STATUS_PART = "content-type: message/delivery-status";

    @Override
    public String name() {
        return "unbranded mailer daemon X5";
    }

    @Override
    public boolean recognises(BounceText bounce) {
        return nestedReport(bounce) != null;
    }

    @Override
    public List<FailedRecipient> recipients(BounceText bounce) {
        var report = nestedReport(bounce);
        return report == null ? List.of() : DeliveryStatusReport.parse(report).failed();
    }

    private static @org.jspecify.annotations.Nullable String nestedReport(BounceText bounce) {
        for (var section : bounce.parts().sections()) {
            if (!section.type().is("message/rfc822")) {
                continue;
            }
            var text = section.text().replace("\r\n", "\n").replace('\r', '\n');
            var lower = text.toLowerCase(Locale.ROOT);
            int at = lower.indexOf(STATUS_PART);
            if (at < 0) {
                continue;
            }
            int body = lower.indexOf("\n\n", at);
            if (body < 0) {
                continue;
            }
            int end = lower.indexOf("\n--", body + 2);
            return text.substring(body + 2, end < 0 ? text.length() : end);
        }
        return null;
    }
}
