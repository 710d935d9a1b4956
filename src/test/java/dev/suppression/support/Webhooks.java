package dev.suppression.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;

/** Loads provider payload fixtures from src/test/resources/webhooks/{provider}/ and fills in placeholders. */
public final class Webhooks {

    private Webhooks() {
    }

    /**
     * The fixture text with {@code {{key}}} placeholders replaced, so each test can use its own addresses,
     * event ids and timestamps while the payload keeps the provider's documented shape.
     */
    public static String fixture(String provider, String name, String... keyValues) {
        try {
            var text = new ClassPathResource("webhooks/" + provider + "/" + name)
                    .getContentAsString(StandardCharsets.UTF_8);
            for (int i = 0; i + 1 < keyValues.length; i += 2) {
                text = text.replace("{{" + keyValues[i] + "}}", keyValues[i + 1]);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
