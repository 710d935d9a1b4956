package dev.suppression.classification;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The host that refused a message, as the sending MTA names it in its own words: where a reporter passes on
 * the text but not the host, the text still tells who the rejector is (the first step of any diagnosis). A host
 * that could not be reached ("connect to mx.example[192.0.2.1]:25: Connection timed out") refused nothing and is
 * not named.
 */
public final class RefusingHost {

    private static final String NAME = "([a-z0-9](?:[-a-z0-9]*[a-z0-9])?(?:\\.[a-z0-9](?:[-a-z0-9]*[a-z0-9])?)+"
            + "|\\[?[0-9a-f:.]{7,45}\\]?)";

    /** In the order tried; the first that occurs names the host. */
    private static final List<Pattern> FORMS = List.of(
            // Postfix "host mx.example.org[192.0.2.1] said:", Exim "host mx.example.org [192.0.2.1]:".
            Pattern.compile("\\bhost " + NAME + " ?\\[[0-9a-f:.]+\\]"),
            // Sendmail "... while talking to mx.example.org.:".
            Pattern.compile("\\bwhile talking to " + NAME + "\\.?:"),
            // qmail "Connected to 192.0.2.1 but sender was rejected.", "192.0.2.1 does not like recipient."
            Pattern.compile("\\bconnected to " + NAME + " but\\b"),
            Pattern.compile("(?:^|\\s)" + NAME + " (?:does not like recipient|failed after i sent the message)"),
            // A DSN's field quoted in the text.
            Pattern.compile("\\bremote-mta: ?dns; ?" + NAME));

    private RefusingHost() {
    }

    /** The refusing host the text names, lower case, or null. */
    public static @Nullable String readFrom(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        var lower = text.toLowerCase(Locale.ROOT);
        for (var form : FORMS) {
            var m = form.matcher(lower);
            if (m.find()) {
                var host = m.group(1);
                if (host.startsWith("[") && host.endsWith("]")) {
                    host = host.substring(1, host.length() - 1);
                }
                return host.length() <= 255 ? host : null;
            }
        }
        return null;
    }
}
