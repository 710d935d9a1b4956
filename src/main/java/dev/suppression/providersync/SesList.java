package dev.suppression.providersync;

import static dev.suppression.provider.PayloadJson.text;

import dev.suppression.suppression.SuppressionReason;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Amazon SES v2's account-level suppression list ({@code /v2/email/suppression/addresses}), signed with SigV4. SES
 * keeps an address in the case it was given and deletes only with that case, so the removal uses the spelling an
 * import saw. A delete of an address not listed (404 {@code NotFoundException}) is done. Hard bounces and manual
 * suppressions are put as {@code BOUNCE}, complaints as {@code COMPLAINT}. The import pages with {@code NextToken}.
 * SES answers a throttled call with 429 and no wait: the backoff decides.
 */
@Component
class SesList implements EspList {

    static final int PAGE_SIZE = 1000;
    private static final String PATH = "/v2/email/suppression/addresses";

    private final ProviderSyncSettings.Ses settings;
    private final ProviderHttp http;
    private final Clock clock;

    SesList(ProviderSyncSettings settings, ProviderHttp http, Clock clock) {
        this.settings = settings.ses();
        this.http = http;
        this.clock = clock;
    }

    @Override
    public String provider() {
        return "ses";
    }

    @Override
    public ProviderSyncSettings.Connection connection() {
        return settings;
    }

    @Override
    public Outcome remove(ListedAddress address) throws ProviderHttp.CallFailed {
        http.expectOk(signed("DELETE", PATH + "/" + ProviderHttp.path(address.listedAs()), ""), true);
        return Outcome.done();
    }

    @Override
    public Outcome add(ListedAddress address, SuppressionReason reason) throws ProviderHttp.CallFailed {
        var body = ProviderHttp.body(Map.of("EmailAddress", address.listedAs(),
                "Reason", reason == SuppressionReason.COMPLAINT ? "COMPLAINT" : "BOUNCE"));
        http.expectOk(signed("PUT", PATH, body), false);
        return Outcome.done();
    }

    /** The cursor is SES's {@code NextToken}. */
    @Override
    public Page page(@Nullable String cursor) throws ProviderHttp.CallFailed {
        var body = ProviderHttp.json(http.expectOk(signed("GET", PATH + "?PageSize=" + PAGE_SIZE
                + (cursor == null ? "" : "&NextToken=" + ProviderHttp.query(cursor)), ""), false));
        var entries = new ArrayList<Entry>();
        for (var item : body.path("SuppressedDestinationSummaries")) {
            var email = text(item, "EmailAddress");
            if (email != null) {
                var updated = text(item, "LastUpdateTime");
                entries.add(new Entry(email, "COMPLAINT".equals(text(item, "Reason")) ? SuppressionReason.COMPLAINT
                        : SuppressionReason.HARD_BOUNCE, updated == null ? null
                        : Instant.ofEpochMilli((long) (Double.parseDouble(updated) * 1000))));
            }
        }
        return new Page(entries, text(body, "NextToken"));
    }

    private HttpRequest signed(String method, String pathAndQuery, String body) {
        URI uri = ProviderHttp.resolve(settings.endpoint(), pathAndQuery);
        var signer = new SigV4(settings.accessKeyId(), settings.secretAccessKey(), settings.region(), "ses");
        var signature = signer.sign(method, uri, body, clock.instant());
        var builder = http.request(uri).header("X-Amz-Date", signature.amzDate())
                .header("Authorization", signature.authorization());
        if (!body.isEmpty()) {
            builder.header("Content-Type", "application/json");
        }
        return builder.method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
