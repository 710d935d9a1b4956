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
 * SparkPost's suppression list ({@code /api/v1/suppression-list}). A clear deletes the address (both types; 204, or
 * 404 when absent); SparkPost refuses with 403 to remove an entry whose source is Compliance, which stays
 * {@code cannot remove (compliance)}. Suppressions are upserted as non-transactional and, except complaints,
 * transactional entries. The import follows {@code links.next} (cursor paging).
 */
@Component
class SparkPostList implements EspList {

    static final int PAGE_SIZE = 1000;

    private final ProviderSyncSettings.SparkPost settings;
    private final ProviderHttp http;

    SparkPostList(ProviderSyncSettings settings, ProviderHttp http) {
        this.settings = settings.sparkpost();
        this.http = http;
    }

    @Override
    public String provider() {
        return "sparkpost";
    }

    @Override
    public ProviderSyncSettings.Connection connection() {
        return settings;
    }

    @Override
    public Outcome remove(ListedAddress address) throws ProviderHttp.CallFailed {
        var reply = http.send(authorized("/api/v1/suppression-list/" + ProviderHttp.path(address.listedAs()))
                .DELETE().build());
        if (reply.ok() || reply.status() == 404) {
            return Outcome.done();
        }
        if (reply.status() == 403 && reply.body().toLowerCase(Locale.ROOT).contains("compliance")) {
            return new Outcome.CannotRemove("compliance");
        }
        return http.refusal(reply);
    }

    @Override
    public Outcome add(ListedAddress address, SuppressionReason reason) throws ProviderHttp.CallFailed {
        var description = "suppression-service: " + reason;
        var recipients = new ArrayList<Map<String, String>>();
        recipients.add(Map.of("recipient", address.listedAs(), "type", "non_transactional", "description", description));
        if (reason != SuppressionReason.COMPLAINT) {
            recipients.add(Map.of("recipient", address.listedAs(), "type", "transactional", "description", description));
        }
        http.expectOk(authorized("/api/v1/suppression-list").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(ProviderHttp.body(Map.of("recipients", recipients)))).build(),
                false);
        return Outcome.done();
    }

    /** The cursor is the path and query of {@code links.next}. */
    @Override
    public Page page(@Nullable String cursor) throws ProviderHttp.CallFailed {
        var pathAndQuery = cursor != null ? cursor : "/api/v1/suppression-list?cursor=initial&per_page=" + PAGE_SIZE;
        var body = ProviderHttp.json(http.expectOk(authorized(pathAndQuery).GET().build(), false));
        var entries = new ArrayList<Entry>();
        for (var item : body.path("results")) {
            var email = text(item, "recipient");
            if (email != null) {
                entries.add(new Entry(email, reason(text(item, "source")), time(text(item, "created"))));
            }
        }
        var next = text(body.path("links"), "next");
        if (entries.isEmpty() || next == null) {
            return new Page(entries, null);
        }
        return new Page(entries, ProviderHttp.linkFrom(settings.baseUrl(), next));
    }

    private static SuppressionReason reason(@Nullable String source) {
        var s = source == null ? "" : source.toLowerCase(Locale.ROOT);
        if (s.contains("spam complaint")) {
            return SuppressionReason.COMPLAINT;
        }
        return s.contains("bounce") ? SuppressionReason.HARD_BOUNCE : SuppressionReason.MANUAL;
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
                .header("Authorization", settings.apiKey());
    }
}
