package dev.suppression.diagnosis;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rejecting host as MTAs name it in the text they pass on: Postfix's {@code host mx.example[192.0.2.1]
 * said}, Exim's {@code host mx.example [192.0.2.1]}, a DSN's {@code Remote-MTA: dns; mx.example},
 * Exchange's {@code Remote Server at mx.example}. Used where the bounce carries no rejecting host of its own.
 */
final class HostInResponse {

    private static final String HOST = "([a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+)\\.?";

    private static final List<Pattern> LAYOUTS = List.of(
            Pattern.compile("remote-mta:\\s*dns\\s*;\\s*" + HOST),
            Pattern.compile("\\bhost\\s+" + HOST + "\\s*\\[[0-9a-f:.]+\\]"),
            Pattern.compile("remote server at\\s+" + HOST),
            Pattern.compile("\\b" + HOST + "\\s*\\[[0-9a-f:.]+\\]\\s+said"));

    private HostInResponse() {
    }

    static Optional<String> readFrom(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        var lower = text.toLowerCase(Locale.ROOT);
        for (var layout : LAYOUTS) {
            var matcher = layout.matcher(lower);
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}
