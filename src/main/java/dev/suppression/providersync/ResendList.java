package dev.suppression.providersync;

import static dev.suppression.provider.PayloadJson.text;

import dev.suppression.suppression.SuppressionReason;
import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Resend's team suppression list ({@code /suppressions}, a private beta that may change): delete by address (404
 * when absent), add by address, and the list a page of 100 at a time with {@code after=<last id>} while
 * {@code has_more}. Resend's 429 carries {@code retry-after} and {@code ratelimit-reset}.
 */
@Component
class ResendList implements EspList {

    static final int PAGE_SIZE = 100;

    private final ProviderSyncSettings.Resend settings;
    private final ProviderHttp http;

    ResendList(ProviderSyncSettings settings, ProviderHttp http) {
        this.settings = settings.resend();
        this.http = http;
    }

    @Override
    public String provider() {
        return "resend";
    }

    @Override
    public ProviderSyncSettings.Connection connection() {
        return settings;
    }

    @Override
    public Outcome remove(ListedAddress address) throws ProviderHttp.CallFailed {
        http.expectOk(authorized("/suppressions/" + ProviderHttp.path(address.listedAs())).DELETE().build(), true);
        return Outcome.done();
    }

    @Override
    public Outcome add(ListedAddress address, SuppressionReason reason) throws ProviderHttp.CallFailed {
        http.expectOk(authorized("/suppressions").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.body(Map.of("email", address.listedAs()))))
                .build(), false);
        return Outcome.done();
    }

    /** The cursor is the id of the last entry read. */
    @Override
    public Page page(@Nullable String cursor) throws ProviderHttp.CallFailed {
        var body = ProviderHttp.json(http.expectOk(authorized("/suppressions?limit=" + PAGE_SIZE
                + (cursor == null ? "" : "&after=" + ProviderHttp.query(cursor))).GET().build(), false));
        var entries = new ArrayList<Entry>();
        String lastId = null;
        for (var item : body.path("data")) {
            lastId = text(item, "id");
            var email = text(item, "email");
            if (email != null) {
                entries.add(new Entry(email, reason(text(item, "origin")), time(text(item, "created_at"))));
            }
        }
        return new Page(entries, body.path("has_more").asBoolean(false) && lastId != null ? lastId : null);
    }

    private static SuppressionReason reason(@Nullable String origin) {
        return switch (origin == null ? "" : origin.toLowerCase(Locale.ROOT)) {
            case "bounce" -> SuppressionReason.HARD_BOUNCE;
            case "complaint" -> SuppressionReason.COMPLAINT;
            default -> SuppressionReason.MANUAL;
        };
    }

    private static java.time.@Nullable Instant time(@Nullable String text) {
        try {
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private HttpRequest.Builder authorized(String pathAndQuery) {
        return http.request(ProviderHttp.resolve(settings.baseUrl(), pathAndQuery))
                .header("Authorization", "Bearer " + settings.apiKey());
    }
}
