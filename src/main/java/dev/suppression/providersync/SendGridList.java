package dev.suppression.providersync;

import static dev.suppression.provider.PayloadJson.text;

import dev.suppression.suppression.SuppressionReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * SendGrid v3 ({@code /v3/suppression/{bounces|blocks|invalid_emails|spam_reports}}). A clear deletes the address
 * from all four (204, or 404 when it was not there). SendGrid has no endpoint to add to these lists, so our
 * suppressions are not pushed. The import reads bounces and invalid emails as hard bounces and spam reports as
 * complaints, {@code offset} paging; blocks are not imported, since they are mostly policy refusals, which never
 * suppress here.
 */
@Component
class SendGridList implements EspList {

    private static final List<String> LISTS = List.of("bounces", "blocks", "invalid_emails", "spam_reports");
    private static final List<String> IMPORTED = List.of("bounces", "invalid_emails", "spam_reports");
    static final int PAGE_SIZE = 500;

    private final ProviderSyncSettings.SendGrid settings;
    private final ProviderHttp http;

    SendGridList(ProviderSyncSettings settings, ProviderHttp http) {
        this.settings = settings.sendgrid();
        this.http = http;
    }

    @Override
    public String provider() {
        return "sendgrid";
    }

    @Override
    public ProviderSyncSettings.Connection connection() {
        return settings;
    }

    @Override
    public Outcome remove(ListedAddress address) throws ProviderHttp.CallFailed {
        for (var list : LISTS) {
            http.expectOk(authorized("/v3/suppression/" + list + "/" + ProviderHttp.path(address.listedAs()))
                    .DELETE().build(), true);
        }
        return Outcome.done();
    }

    @Override
    public Outcome add(ListedAddress address, SuppressionReason reason) {
        return new Outcome.Failed("SendGrid has no API to add to its bounce, block or spam report lists");
    }

    /** The cursor is {@code <list>:<offset>}. */
    @Override
    public Page page(@Nullable String cursor) throws ProviderHttp.CallFailed {
        var list = cursor == null ? IMPORTED.getFirst() : cursor.substring(0, cursor.indexOf(':'));
        var offset = cursor == null ? 0 : Integer.parseInt(cursor.substring(cursor.indexOf(':') + 1));
        var reply = http.expectOk(authorized("/v3/suppression/" + list + "?limit=" + PAGE_SIZE + "&offset=" + offset)
                .GET().build(), false);
        var entries = new ArrayList<Entry>();
        var body = ProviderHttp.json(reply);
        for (var item : body) {
            var email = text(item, "email");
            if (email != null) {
                var created = text(item, "created");
                entries.add(new Entry(email, list.equals("spam_reports") ? SuppressionReason.COMPLAINT
                        : SuppressionReason.HARD_BOUNCE, created == null ? null : Instant.ofEpochSecond((long) Double.parseDouble(created))));
            }
        }
        String next;
        if (body.size() >= PAGE_SIZE) {
            next = list + ":" + (offset + PAGE_SIZE);
        } else {
            var index = IMPORTED.indexOf(list);
            next = index + 1 < IMPORTED.size() ? IMPORTED.get(index + 1) + ":0" : null;
        }
        return new Page(entries, next);
    }

    private java.net.http.HttpRequest.Builder authorized(String pathAndQuery) {
        return http.request(ProviderHttp.resolve(settings.baseUrl(), pathAndQuery))
                .header("Authorization", "Bearer " + settings.apiKey());
    }
}
