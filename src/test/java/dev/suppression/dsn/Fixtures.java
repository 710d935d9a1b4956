package dev.suppression.dsn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The bounce messages under {@code src/test/resources/dsn}, as received. */
final class Fixtures {

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (var in = Fixtures.class.getResourceAsStream("/dsn/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture dsn/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
