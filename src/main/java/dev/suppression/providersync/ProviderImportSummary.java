package dev.suppression.providersync;

/**
 * What an import of a provider's list did.
 *
 * @param read          entries the provider's API returned
 * @param imported      addresses put on our list with origin {@code provider:<name>}
 * @param alreadyHeld   entries skipped: already suppressed here, or cleared here after the provider listed them
 * @param rejected      entries whose address is not one we accept
 * @param pages         API pages read
 */
public record ProviderImportSummary(String provider, String origin, long read, long imported, long alreadyHeld,
                                    long rejected, int pages) {
}
