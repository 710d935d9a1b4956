package dev.suppression.providersync;

import static dev.suppression.provider.PayloadJson.text;

import dev.suppression.suppression.SuppressionReason;
import java.net.http.HttpRequest;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Postmark, per message stream ({@code /message-streams/{stream}/suppressions}). Removals ("reactivations") and
 * additions are processed asynchronously, so a removal is read back through {@code dump?emailaddress=} before it
 * counts as done. Postmark refuses to remove a spam complaint: that entry is {@code cannot remove}. The import reads
 * each stream's {@code dump} whole (one page per stream).
 */
@Component
class PostmarkList implements EspList {

    private final ProviderSyncSettings.Postmark settings;
    private final ProviderSyncSettings sync;
    private final ProviderHttp http;

    PostmarkList(ProviderSyncSettings settings, ProviderHttp http) {
        this.settings = settings.postmark();
        this.sync = settings;
        this.http = http;
    }

    @Override
    public String provider() {
        return "postmark";
    }

    @Override
    public ProviderSyncSettings.Connection connection() {
        return settings;
    }

    @Override
    public Outcome remove(ListedAddress address) throws ProviderHttp.CallFailed {
        var refused = new ArrayList<String>();
        for (var stream : settings.messageStreams()) {
            var reply = http.expectOk(authorized("/message-streams/" + ProviderHttp.path(stream) + "/suppressions/delete")
                    .POST(entries(address.listedAs())).build(), false);
            for (var status : ProviderHttp.json(reply).path("Suppressions")) {
                if ("Failed".equalsIgnoreCase(text(status, "Status"))) {
                    var message = text(status, "Message");
                    refused.add(stream + ": " + (message == null ? "refused" : message));
                }
            }
        }
        if (!refused.isEmpty()) {
            // Postmark keeps spam complaints for good; nothing we send changes that.
            return new Outcome.CannotRemove("spam complaint; Postmark said " + String.join("; ", refused));
        }
        return new Outcome.Confirm(sync.confirmAfter());
    }

    @Override
    public Outcome confirmRemoved(ListedAddress address) throws ProviderHttp.CallFailed {
        for (var stream : settings.messageStreams()) {
            var reply = http.expectOk(authorized("/message-streams/" + ProviderHttp.path(stream)
                    + "/suppressions/dump?emailaddress=" + ProviderHttp.query(address.listedAs())).GET().build(), false);
            for (var entry : ProviderHttp.json(reply).path("Suppressions")) {
                if (address.listedAs().equalsIgnoreCase(text(entry, "EmailAddress"))) {
                    return new Outcome.StillListed("still on the " + stream + " stream's list when read back");
                }
            }
        }
        return Outcome.done();
    }

    @Override
    public Outcome add(ListedAddress address, SuppressionReason reason) throws ProviderHttp.CallFailed {
        for (var stream : settings.messageStreams()) {
            http.expectOk(authorized("/message-streams/" + ProviderHttp.path(stream) + "/suppressions")
                    .POST(entries(address.listedAs())).build(), false);
        }
        return Outcome.done();
    }

    /** The cursor is the index of the next stream. */
    @Override
    public Page page(@Nullable String cursor) throws ProviderHttp.CallFailed {
        int index = cursor == null ? 0 : Integer.parseInt(cursor);
        var stream = settings.messageStreams().get(index);
        var reply = http.expectOk(authorized("/message-streams/" + ProviderHttp.path(stream) + "/suppressions/dump")
                .GET().build(), false);
        var entries = new ArrayList<Entry>();
        for (var item : ProviderHttp.json(reply).path("Suppressions")) {
            var email = text(item, "EmailAddress");
            if (email != null) {
                entries.add(new Entry(email, reason(text(item, "SuppressionReason")), time(text(item, "CreatedAt"))));
            }
        }
        return new Page(entries, index + 1 < settings.messageStreams().size() ? Integer.toString(index + 1) : null);
    }

    private static SuppressionReason reason(@Nullable String reason) {
        return switch (reason == null ? "" : reason.toLowerCase(Locale.ROOT)) {
            case "hardbounce" -> SuppressionReason.HARD_BOUNCE;
            case "spamcomplaint" -> SuppressionReason.COMPLAINT;
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

    private static HttpRequest.BodyPublisher entries(String address) {
        return HttpRequest.BodyPublishers.ofString(ProviderHttp.body(
                Map.of("Suppressions", List.of(Map.of("EmailAddress", address)))));
    }

    private HttpRequest.Builder authorized(String pathAndQuery) {
        return http.request(ProviderHttp.resolve(settings.baseUrl(), pathAndQuery))
                .header("X-Postmark-Server-Token", settings.serverToken()).header("Content-Type", "application/json");
    }
}
