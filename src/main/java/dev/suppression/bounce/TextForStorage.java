package dev.suppression.bounce;

/** Text as PostgreSQL can store it: NUL, which a text column refuses, becomes U+FFFD. */
final class TextForStorage {

    private TextForStorage() {
    }

    static String of(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }
}
