package dev.suppression.classification;

import java.util.Optional;
import java.util.regex.Pattern;

/** An RFC 5321 three-digit reply code such as {@code 550}. */
public record SmtpReplyCode(int value) {

    // A reply code opens the response ("550 5.1.1 ...", "550-5.1.1 ...") or follows "said:" / "SMTP error".
    private static final Pattern IN_TEXT = Pattern.compile("(?<![\\w.:])([245][0-5]\\d)(?=[ \\-]|$)");

    public SmtpReplyCode {
        if (value < 200 || value > 599 || value / 100 == 3) {
            throw new IllegalArgumentException("an SMTP reply code is 2xx, 4xx or 5xx, not " + value);
        }
    }

    public static boolean isValid(int value) {
        return value >= 200 && value <= 599 && value / 100 != 3;
    }

    /** Finds the first reply code in a diagnostic text. */
    public static Optional<SmtpReplyCode> find(String text) {
        var m = IN_TEXT.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new SmtpReplyCode(Integer.parseInt(m.group(1))));
    }

    public boolean isPermanent() {
        return value / 100 == 5;
    }

    public boolean isTransient() {
        return value / 100 == 4;
    }
}
