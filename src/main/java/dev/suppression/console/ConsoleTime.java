package dev.suppression.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Instants as the console shows them: UTC to the second, the zone the API's timestamps and logs use. */
@Component("consoleTime")
class ConsoleTime {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String text(@Nullable Instant instant) {
        return instant == null ? "" : SHOWN.format(instant);
    }
}
