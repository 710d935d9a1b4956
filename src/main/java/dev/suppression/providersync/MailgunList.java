package dev.suppression.providersync;

import static dev.suppression.provider.PayloadJson.text;

import dev.suppression.suppression.SuppressionReason;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Mailgun, per sending domain ({@code /v3/{domain}/bounces|complaints|unsubscribes}), on the US or EU base. A clear
 * deletes the address from the three tables (404 when absent), then reads the bounces back before the removal
 * counts (Mailgun's tables are eventually consistent). Hard bounces and manual suppressions are added as bounces,
 * complaints as complaints. The import follows each table's {@code paging.next} until a page comes back empty.
 */
@Component
class MailgunList implements EspList {

    private static final List<String> TABLES = List.of("bounces", "complaints", "unsubscribes");
    private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss zzz", Locale.ENGLISH);
    static final int PAGE_SIZE = 1000;

    private final ProviderSyncSettings.Mailgun settings;
    private final ProviderSyncSettings sync;
    private final ProviderHttp http;

    MailgunList(ProviderSyncSettings settings, ProviderHttp http) {
        this.settings = settings.mailgun();
        this.sync = settings;
        this.http = http;
    }

    @Override
    public String provider() {
        return "mailgun";
    }

    @Override
    public ProviderSyncSettings.Connection connection() {
        return settings;
    }

    private List<String> domains() {
        return settings.domains().stream().map(String::strip).filter(d -> !d.isEmpty()).toList();
    }

    @Override
    public Outcome remove(ListedAddress address) throws ProviderHttp.CallFailed {
        for (var domain : domains()) {
            for (var table : TABLES) {
                http.expectOk(authorized(entryPath(domain, table, address)).DELETE().build(), true);
            }
        }
        return new Outcome.Confirm(sync.confirmAfter());
    }

    @Override
    public Outcome confirmRemoved(ListedAddress address) throws ProviderHttp.CallFailed {
        for (var domain : domains()) {
            for (var table : TABLES) {
                var reply = http.send(authorized(entryPath(domain, table, address)).GET().build());
                if (reply.ok()) {
                    return new Outcome.StillListed("still in " + domain + "'s " + table + " when read back");
                }
                if (reply.status() != 404) {
                    return http.refusal(reply);
                }
            }
        }
        return Outcome.done();
    }

    @Override
    public Outcome add(ListedAddress address, SuppressionReason reason) throws ProviderHttp.CallFailed {
        var table = reason == SuppressionReason.COMPLAINT ? "complaints" : "bounces";
        var form = "address=" + ProviderHttp.query(address.listedAs()) + (table.equals("bounces")
                ? "&code=550&error=" + ProviderHttp.query("suppressed by suppression-service (" + reason + ")") : "");
        for (var domain : domains()) {
            http.expectOk(authorized("/v3/" + ProviderHttp.path(domain) + "/" + table)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), false);
        }
        return Outcome.done();
    }

    /** The cursor is {@code <domain index>|<table index>|<path and query of the next page>}. */
    @Override
    public Page page(@Nullable String cursor) throws ProviderHttp.CallFailed {
        var parts = cursor == null ? new String[] {"0", "0", ""} : cursor.split("\\|", 3);
        int domainIndex = Integer.parseInt(parts[0]);
        int tableIndex = Integer.parseInt(parts[1]);
        var domain = domains().get(domainIndex);
        var table = TABLES.get(tableIndex);
        var pathAndQuery = parts[2].isEmpty() ? "/v3/" + ProviderHttp.path(domain) + "/" + table + "?limit=" + PAGE_SIZE
                : parts[2];
        var body = ProviderHttp.json(http.expectOk(authorized(pathAndQuery).GET().build(), false));
        var entries = new ArrayList<Entry>();
        for (var item : body.path("items")) {
            var email = text(item, "address");
            if (email != null) {
                entries.add(new Entry(email, switch (table) {
                    case "bounces" -> SuppressionReason.HARD_BOUNCE;
                    case "complaints" -> SuppressionReason.COMPLAINT;
                    default -> SuppressionReason.MANUAL;
                }, time(text(item, "created_at"))));
            }
        }
        var next = text(body.path("paging"), "next");
        if (!entries.isEmpty() && next != null) {
            // Only the path and query of Mailgun's link: the key goes to the configured base, nowhere else.
            return new Page(entries, domainIndex + "|" + tableIndex + "|" + ProviderHttp.linkFrom(settings.baseUrl(), next));
        }
        if (tableIndex + 1 < TABLES.size()) {
            return new Page(entries, domainIndex + "|" + (tableIndex + 1) + "|");
        }
        return new Page(entries, domainIndex + 1 < domains().size() ? (domainIndex + 1) + "|0|" : null);
    }

    private static String entryPath(String domain, String table, ListedAddress address) {
        return "/v3/" + ProviderHttp.path(domain) + "/" + table + "/" + ProviderHttp.path(address.listedAs());
    }

    private static @Nullable Instant time(@Nullable String text) {
        if (text == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return ZonedDateTime.parse(text, RFC_2822).toInstant();
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }

    private HttpRequest.Builder authorized(String pathAndQuery) {
        var credentials = Base64.getEncoder().encodeToString(("api:" + settings.apiKey()).getBytes(StandardCharsets.UTF_8));
        return http.request(ProviderHttp.resolve(settings.baseUrl(), pathAndQuery))
                .header("Authorization", "Basic " + credentials);
    }
}
