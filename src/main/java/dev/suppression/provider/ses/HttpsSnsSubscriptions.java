package dev.suppression.provider.ses;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Confirms a subscription the way SNS documents it: a GET of the {@code SubscribeURL} (which carries the
 * confirmation token), over HTTPS, with short timeouts and no redirects.
 */
@Component
class HttpsSnsSubscriptions implements SnsSubscriptions {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Override
    public void confirm(URI subscribeUrl) {
        var request = HttpRequest.newBuilder(subscribeUrl).timeout(REQUEST_TIMEOUT).GET().build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new SubscriptionNotConfirmedException("SNS answered HTTP " + response.statusCode()
                        + " to the subscription confirmation for " + subscribeUrl.getHost() + ".");
            }
        } catch (IOException e) {
            throw new SubscriptionNotConfirmedException("The SNS subscription could not be confirmed at "
                    + subscribeUrl.getHost() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubscriptionNotConfirmedException("Interrupted while confirming an SNS subscription", e);
        }
    }
}
