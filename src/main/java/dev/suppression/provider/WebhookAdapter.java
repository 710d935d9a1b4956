package dev.suppression.provider;

/**
 * One ESP's webhook: proves a request came from the provider, and maps its payload onto submissions for
 * the one ingestion path. Implementations are Spring beans; the controller finds them by {@link #provider()}.
 */
public interface WebhookAdapter {

    /** The path segment, e.g. {@code sendgrid} in {@code POST /webhooks/sendgrid}. */
    String provider();

    /** An adapter without its secret configured answers 404, so nothing is open by accident. */
    boolean isConfigured();

    /**
     * Verifies the request on its raw bytes, before any JSON binding.
     *
     * @throws WebhookAuthenticationException when the signature or credentials are missing, wrong or replayed
     */
    void verify(WebhookRequest request);

    /**
     * Maps the payload; one malformed event becomes a rejected submission, never a failed batch.
     *
     * @throws MalformedWebhookException when the body as a whole is not the provider's format
     */
    WebhookPayload parse(WebhookRequest request);
}
