package dev.suppression.providersync;

/** The origin of a suppression imported from a provider's own list: {@code provider:<name>}. */
final class ImportOrigin {

    private ImportOrigin() {
    }

    static String of(String provider) {
        return "provider:" + provider;
    }
}
