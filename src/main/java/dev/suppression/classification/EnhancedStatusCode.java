package dev.suppression.classification;

import java.util.Optional;
import java.util.regex.Pattern;

/** An RFC 3463 enhanced status code, {@code class.subject.detail}, for example {@code 5.1.1}. */
public record EnhancedStatusCode(int statusClass, int subject, int detail) {

    private static final Pattern EXACT = Pattern.compile("([245])\\.(\\d{1,3})\\.(\\d{1,3})");
    // In free text the code stands on its own: "550 5.1.1 <x@y>: ..." or "#5.1.1", but not "1.5.1.1" or "v2.5.1".
    private static final Pattern IN_TEXT = Pattern.compile("(?<![\\w.])([245])\\.(\\d{1,3})\\.(\\d{1,3})(?![\\d.]*\\d)");

    public EnhancedStatusCode {
        if (statusClass != 2 && statusClass != 4 && statusClass != 5) {
            throw new IllegalArgumentException("the class of an enhanced status code is 2, 4 or 5");
        }
        if (subject < 0 || subject > 999 || detail < 0 || detail > 999) {
            throw new IllegalArgumentException("subject and detail of an enhanced status code are 0-999");
        }
    }

    /** Parses a code written on its own, such as {@code "5.1.1"}; empty when it is not one. */
    public static Optional<EnhancedStatusCode> parse(String text) {
        var m = EXACT.matcher(text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new EnhancedStatusCode(
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }

    /** Finds the first enhanced status code inside a diagnostic text. */
    public static Optional<EnhancedStatusCode> find(String text) {
        var m = IN_TEXT.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new EnhancedStatusCode(
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
    }

    public boolean is(int statusClass, int subject, int detail) {
        return this.statusClass == statusClass && this.subject == subject && this.detail == detail;
    }

    public boolean isPermanent() {
        return statusClass == 5;
    }

    public boolean isTransient() {
        return statusClass == 4;
    }

    /** {@code x.0.0}: says only that something failed, so the diagnostic text has to tell what. */
    public boolean isGeneric() {
        return subject == 0 && detail == 0;
    }

    @Override
    public String toString() {
        return statusClass + "." + subject + "." + detail;
    }
}
