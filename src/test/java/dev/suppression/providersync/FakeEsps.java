package dev.suppression.providersync;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The six ESPs' suppression list APIs on 127.0.0.1, each under its own path prefix ({@code /sendgrid},
 * {@code /postmark}, {@code /mailgun}, {@code /sparkpost}, {@code /resend}, {@code /ses}), answering as their
 * documentation shows: their paging, 204/200/404 on delete, 429 with or without wait headers when a test asks,
 * Postmark's and Mailgun's deletes taking effect only after a delay, SparkPost's Compliance entries refusing a
 * delete with 403, and SES keeping an address's case. Keys are checked; a wrong one is a 401.
 */
final class FakeEsps implements AutoCloseable {

    static final String SENDGRID_KEY = "SG.fake-key";
    static final String POSTMARK_TOKEN = "fake-postmark-server-token";
    static final String MAILGUN_KEY = "fake-mailgun-key";
    static final String SPARKPOST_KEY = "fake-sparkpost-key";
    static final String RESEND_KEY = "re_fake";
    static final String SES_ACCESS_KEY = "AKIDFAKE";
    static final String MAILGUN_DOMAIN = "mg.sender.example";
    static final String POSTMARK_STREAM = "outbound";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    /** One request as received, with the status it was answered. */
    record Call(String provider, String method, String path, String query, String body, int answered, Instant at,
                Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse("");
        }
    }

    /** An entry of a list, as the provider spells it. */
    record Listed(String address, String reason, Instant created, String source, String id) { }

    /** A status of {@code SLOW} answers normally, but only after {@code headers["delay-ms"]}. */
    static final int SLOW = -1;

    private record Forced(Predicate<String> methodAndPath, int status, Map<String, String> headers) { }

    private record Answer(int status, String body, Map<String, String> headers) {
        static Answer of(int status, String body) {
            return new Answer(status, body, Map.of());
        }
    }

    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    /** provider -> list (a SendGrid type, a Postmark stream, a Mailgun domain/table, "all") -> key -> entry. */
    private final Map<String, Map<String, LinkedHashMap<String, Listed>>> lists = new HashMap<>();
    private final Map<String, Deque<Forced>> forced = new HashMap<>();
    /** Deletes accepted by an eventually consistent list, with when they take effect. */
    private final Map<String, Instant> pendingDeletes = new HashMap<>();
    private volatile Duration consistencyDelay = Duration.ZERO;
    private volatile Duration responseDelay = Duration.ZERO;

    FakeEsps() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (var provider : List.of("sendgrid", "postmark", "mailgun", "sparkpost", "resend", "ses")) {
            server.createContext("/" + provider, exchange -> handle(provider, exchange));
        }
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(8));
        server.start();
    }

    String baseUrl(String provider) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + provider;
    }

    // ---- what tests set up and read

    /** Puts an entry on a provider's list, as if the ESP had listed it itself. */
    synchronized void list(String provider, String list, String address, String reason, Instant created, String source) {
        lists.computeIfAbsent(provider, p -> new HashMap<>()).computeIfAbsent(list, l -> new LinkedHashMap<>())
                .put(key(provider, address), new Listed(address, reason, created, source, UUID.randomUUID().toString()));
    }

    synchronized boolean holds(String provider, String list, String address) {
        settle();
        var entries = lists.getOrDefault(provider, Map.of()).get(list);
        return entries != null && entries.containsKey(key(provider, address));
    }

    /** The next {@code times} requests whose "METHOD path" matches are answered with this status and headers. */
    synchronized void failNext(String provider, int times, Predicate<String> methodAndPath, int status,
                               Map<String, String> headers) {
        for (int i = 0; i < times; i++) {
            forced.computeIfAbsent(provider, p -> new ArrayDeque<>()).add(new Forced(methodAndPath, status, headers));
        }
    }

    /** Drops the answers {@link #failNext} queued and not used yet. */
    synchronized void clearForced() {
        forced.clear();
    }

    /** Every answer waits this long first (a slow provider). */
    void responseDelay(Duration delay) {
        responseDelay = delay;
    }

    /** How long an accepted Postmark or Mailgun delete takes to show. */
    void consistencyDelay(Duration delay) {
        consistencyDelay = delay;
    }

    List<Call> calls(Predicate<Call> which) {
        return calls.stream().filter(which).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- the APIs

    private void handle(String provider, HttpExchange exchange) throws IOException {
        var method = exchange.getRequestMethod();
        var rawPath = exchange.getRequestURI().getRawPath().substring(provider.length() + 1);
        var path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        var query = exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery();
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!responseDelay.isZero()) {
            try {
                Thread.sleep(responseDelay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Answer answer;
        synchronized (this) {
            settle();
            var force = nextForced(provider, method + " " + path);
            if (force != null && force.status() == SLOW) {
                try {
                    Thread.sleep(Long.parseLong(force.headers().get("delay-ms")));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                force = null;
            }
            if (force != null) {
                answer = new Answer(force.status(), force.status() == 429 ? "{\"errors\":[{\"message\":\"too many requests\"}]}"
                        : "{\"message\":\"unavailable\"}", force.headers());
            } else if (!authorized(provider, exchange)) {
                answer = Answer.of(401, "{\"message\":\"unauthorized\"}");
            } else {
                answer = switch (provider) {
                    case "sendgrid" -> sendgrid(method, path, params(query));
                    case "postmark" -> postmark(method, path, params(query), body);
                    case "mailgun" -> mailgun(method, path, params(query), body);
                    case "sparkpost" -> sparkpost(method, path, params(query), body);
                    case "resend" -> resend(method, path, params(query), body);
                    default -> ses(method, path, params(query), body);
                };
            }
        }
        calls.add(new Call(provider, method, path, query, body, answer.status(), Instant.now(),
                Map.copyOf(exchange.getRequestHeaders())));
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        var bytes = answer.body().getBytes(StandardCharsets.UTF_8);
        if (!answer.body().isEmpty()) {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
        }
        exchange.sendResponseHeaders(answer.status(), answer.status() == 204 || bytes.length == 0 ? -1 : bytes.length);
        if (answer.status() != 204 && bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private boolean authorized(String provider, HttpExchange exchange) {
        var headers = exchange.getRequestHeaders();
        var authorization = headers.getFirst("Authorization");
        return switch (provider) {
            case "sendgrid" -> ("Bearer " + SENDGRID_KEY).equals(authorization);
            case "postmark" -> POSTMARK_TOKEN.equals(headers.getFirst("X-Postmark-Server-Token"));
            case "mailgun" -> ("Basic " + java.util.Base64.getEncoder().encodeToString(("api:" + MAILGUN_KEY)
                    .getBytes(StandardCharsets.UTF_8))).equals(authorization);
            case "sparkpost" -> SPARKPOST_KEY.equals(authorization);
            case "resend" -> ("Bearer " + RESEND_KEY).equals(authorization);
            default -> authorization != null && authorization.startsWith("AWS4-HMAC-SHA256 Credential=" + SES_ACCESS_KEY + "/")
                    && authorization.contains("/ses/aws4_request, SignedHeaders=host;x-amz-date, Signature=")
                    && headers.getFirst("X-Amz-Date") != null;
        };
    }

    /** SendGrid v3: GET a list with limit/offset (a JSON array), DELETE one address (204, or 404). */
    private Answer sendgrid(String method, String path, Map<String, String> query) {
        var parts = path.split("/");
        // /v3/suppression/{type}[/{email}]
        var type = parts[3];
        var entries = entries("sendgrid", type);
        if (method.equals("DELETE") && parts.length == 5) {
            return entries.remove(key("sendgrid", parts[4])) != null ? Answer.of(204, "")
                    : Answer.of(404, "{\"errors\":[{\"field\":null,\"message\":\"Email does not exist\"}]}");
        }
        int limit = Integer.parseInt(query.getOrDefault("limit", "500"));
        int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
        var page = new ArrayList<Map<String, Object>>();
        entries.values().stream().skip(offset).limit(limit).forEach(e -> page.add(Map.of("created",
                e.created().getEpochSecond(), "email", e.address(), "reason", e.reason(), "status", "5.1.1")));
        return Answer.of(200, JSON.writeValueAsString(page));
    }

    /** Postmark: dump (optionally one address), delete and create, per stream; changes are asynchronous. */
    private Answer postmark(String method, String path, Map<String, String> query, String body) {
        var parts = path.split("/");
        // /message-streams/{stream}/suppressions[/dump|/delete]
        var stream = parts[2];
        var entries = entries("postmark", stream);
        var action = parts.length > 4 ? parts[4] : "";
        if (method.equals("GET") && action.equals("dump")) {
            var wanted = query.get("emailaddress");
            var found = entries.values().stream().filter(e -> wanted == null || e.address().equalsIgnoreCase(wanted))
                    .map(e -> Map.of("EmailAddress", e.address(), "SuppressionReason", e.reason(), "Origin", "Recipient",
                            "CreatedAt", e.created().toString())).toList();
            return Answer.of(200, JSON.writeValueAsString(Map.of("Suppressions", found)));
        }
        var statuses = new ArrayList<Map<String, Object>>();
        for (var item : JSON.readTree(body).path("Suppressions")) {
            var address = item.path("EmailAddress").asString();
            var entry = entries.get(key("postmark", address));
            if (action.equals("delete")) {
                if (entry != null && entry.reason().equals("SpamComplaint")) {
                    statuses.add(status(address, "Failed", "You do not have the required authority to change this suppression."));
                } else {
                    pendingDeletes.putIfAbsent("postmark|" + stream + "|" + key("postmark", address), Instant.now().plus(consistencyDelay));
                    statuses.add(status(address, "Deleted", null));
                }
            } else {
                // An address already suppressed keeps its entry (and its reason).
                entries.putIfAbsent(key("postmark", address), new Listed(address, "ManualSuppression", Instant.now(), "Customer",
                        UUID.randomUUID().toString()));
                statuses.add(status(address, "Suppressed", null));
            }
        }
        return Answer.of(200, JSON.writeValueAsString(Map.of("Suppressions", statuses)));
    }

    private static Map<String, Object> status(String address, String status, @Nullable String message) {
        var map = new LinkedHashMap<String, Object>();
        map.put("EmailAddress", address);
        map.put("Status", status);
        map.put("Message", message);
        return map;
    }

    /** Mailgun: per domain and table, pages linked by paging.next until an empty page; deletes show after a delay. */
    private Answer mailgun(String method, String path, Map<String, String> query, String body) {
        var parts = path.split("/");
        // /v3/{domain}/{table}[/{address}]
        var domain = parts[2];
        var table = parts[3];
        var entries = entries("mailgun", domain + "/" + table);
        if (parts.length == 5) {
            var address = parts[4];
            var present = entries.containsKey(key("mailgun", address));
            if (method.equals("GET")) {
                return present ? Answer.of(200, JSON.writeValueAsString(Map.of("address", address)))
                        : Answer.of(404, "{\"message\":\"Address not found in " + table + " table\"}");
            }
            if (!present) {
                return Answer.of(404, "{\"message\":\"Address not found in " + table + " table\"}");
            }
            pendingDeletes.putIfAbsent("mailgun|" + domain + "/" + table + "|" + key("mailgun", address),
                    Instant.now().plus(consistencyDelay));
            return Answer.of(200, "{\"message\":\"Bounced address has been removed\",\"address\":\"" + address + "\"}");
        }
        if (method.equals("POST")) {
            var form = params(body);
            entries.put(key("mailgun", form.get("address")), new Listed(form.get("address"), form.getOrDefault("error", ""),
                    Instant.now(), "api", ""));
            return Answer.of(200, "{\"message\":\"1 address has been added to the " + table + " table\"}");
        }
        int limit = Integer.parseInt(query.getOrDefault("limit", "100"));
        var after = query.get("address");
        var all = new ArrayList<>(entries.values());
        int start = 0;
        if (after != null) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).address().equalsIgnoreCase(after)) {
                    start = i + 1;
                }
            }
        }
        var items = all.stream().skip(start).limit(limit).map(e -> Map.<String, Object>of("address", e.address(),
                "code", "550", "error", e.reason(), "created_at", RFC_1123.format(e.created()))).toList();
        var last = items.isEmpty() ? (after == null ? "" : after) : (String) items.getLast().get("address");
        var base = "http://127.0.0.1:" + server.getAddress().getPort() + "/mailgun/v3/" + domain + "/" + table;
        var paging = Map.of("first", base + "?page=first&limit=" + limit,
                "next", base + "?page=next&address=" + enc(last) + "&limit=" + limit,
                "previous", base + "?page=previous&limit=" + limit, "last", base + "?page=last&limit=" + limit);
        return Answer.of(200, JSON.writeValueAsString(Map.of("items", items, "paging", paging)));
    }

    /** SparkPost: cursor paging with links.next, DELETE 204/404/403 (Compliance), PUT upserts recipients. */
    private Answer sparkpost(String method, String path, Map<String, String> query, String body) {
        var entries = entries("sparkpost", "all");
        var parts = path.split("/");
        // /api/v1/suppression-list[/{recipient}]
        if (method.equals("DELETE")) {
            var entry = entries.get(key("sparkpost", parts[4]));
            if (entry == null) {
                return Answer.of(404, "{\"errors\":[{\"message\":\"Recipient could not be found\"}]}");
            }
            if (entry.source().equals("Compliance")) {
                return Answer.of(403, "{\"errors\":[{\"message\":\"Recipient could not be removed\","
                        + "\"description\":\"Compliance entries cannot be removed\"}]}");
            }
            entries.remove(key("sparkpost", parts[4]));
            return Answer.of(204, "");
        }
        if (method.equals("PUT")) {
            for (var recipient : JSON.readTree(body).path("recipients")) {
                var address = recipient.path("recipient").asString();
                var existing = entries.get(key("sparkpost", address));
                if (existing != null && existing.source().equals("Compliance")) {
                    continue; // SparkPost's own compliance entries are not ours to change.
                }
                entries.put(key("sparkpost", address), new Listed(address, recipient.path("type").asString(),
                        Instant.now(), "Manually Added", ""));
            }
            return Answer.of(200, "{\"results\":{\"message\":\"Suppression List successfully updated\"}}");
        }
        int perPage = Integer.parseInt(query.getOrDefault("per_page", "1000"));
        var cursor = query.getOrDefault("cursor", "initial");
        int start = cursor.equals("initial") ? 0 : Integer.parseInt(new String(java.util.Base64.getUrlDecoder().decode(cursor)));
        var all = new ArrayList<>(entries.values());
        var results = all.stream().skip(start).limit(perPage).map(e -> Map.<String, Object>of("recipient", e.address(),
                "type", "non_transactional", "source", e.source(), "description", e.reason(),
                "created", e.created().toString().replace("Z", "+00:00"), "updated", e.created().toString())).toList();
        var links = new LinkedHashMap<String, Object>();
        links.put("first", "/api/v1/suppression-list?cursor=initial&per_page=" + perPage);
        if (start + perPage < all.size()) {
            links.put("next", "/api/v1/suppression-list?cursor=" + java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Integer.toString(start + perPage).getBytes()) + "&per_page=" + perPage);
        }
        return Answer.of(200, JSON.writeValueAsString(Map.of("results", results, "links", links, "total_count", all.size())));
    }

    /** Resend (beta): list with limit and after=<id>, has_more; DELETE by email 200/404; POST adds. */
    private Answer resend(String method, String path, Map<String, String> query, String body) {
        var entries = entries("resend", "all");
        var parts = path.split("/");
        if (method.equals("DELETE")) {
            var removed = entries.remove(key("resend", parts[2]));
            return removed == null ? Answer.of(404, "{\"statusCode\":404,\"name\":\"not_found\",\"message\":\"Suppression not found\"}")
                    : Answer.of(200, "{\"object\":\"suppression\",\"id\":\"" + removed.id() + "\",\"deleted\":true}");
        }
        if (method.equals("POST")) {
            var address = JSON.readTree(body).path("email").asString();
            var id = UUID.randomUUID().toString();
            entries.putIfAbsent(key("resend", address), new Listed(address, "manual", Instant.now(), "manual", id));
            return Answer.of(200, "{\"object\":\"suppression\",\"id\":\"" + entries.get(key("resend", address)).id() + "\"}");
        }
        int limit = Math.min(100, Integer.parseInt(query.getOrDefault("limit", "20")));
        var after = query.get("after");
        var all = new ArrayList<>(entries.values());
        int start = 0;
        if (after != null) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id().equals(after)) {
                    start = i + 1;
                }
            }
        }
        var data = all.stream().skip(start).limit(limit).map(e -> Map.<String, Object>of("object", "suppression", "id", e.id(),
                "email", e.address(), "origin", e.reason(), "created_at", e.created().toString())).toList();
        return Answer.of(200, JSON.writeValueAsString(Map.of("object", "list", "has_more", start + limit < all.size(),
                "data", data)));
    }

    /** SES v2 account suppression list: addresses kept case-sensitive; NextToken paging; 404 NotFoundException. */
    private Answer ses(String method, String path, Map<String, String> query, String body) {
        var entries = entries("ses", "all");
        var parts = path.split("/");
        // /v2/email/suppression/addresses[/{address}]
        if (method.equals("DELETE")) {
            return entries.remove(parts[5]) != null ? Answer.of(200, "{}")
                    : new Answer(404, "{\"message\":\"Email address " + parts[5] + " does not exist on your suppression list.\"}",
                    Map.of("x-amzn-ErrorType", "NotFoundException"));
        }
        if (method.equals("PUT")) {
            JsonNode node = JSON.readTree(body);
            var address = node.path("EmailAddress").asString();
            entries.put(address, new Listed(address, node.path("Reason").asString(), Instant.now(), "", ""));
            return Answer.of(200, "{}");
        }
        int pageSize = Integer.parseInt(query.getOrDefault("PageSize", "100"));
        int start = query.containsKey("NextToken") ? Integer.parseInt(query.get("NextToken").substring(3)) : 0;
        var all = new ArrayList<>(entries.values());
        var summaries = all.stream().skip(start).limit(pageSize).map(e -> Map.<String, Object>of("EmailAddress", e.address(),
                "Reason", e.reason(), "LastUpdateTime", e.created().getEpochSecond() + 0.25)).toList();
        var answer = new LinkedHashMap<String, Object>();
        answer.put("SuppressedDestinationSummaries", summaries);
        if (start + pageSize < all.size()) {
            answer.put("NextToken", "tok" + (start + pageSize));
        }
        return Answer.of(200, JSON.writeValueAsString(answer));
    }

    // ---- plumbing

    private LinkedHashMap<String, Listed> entries(String provider, String list) {
        return lists.computeIfAbsent(provider, p -> new HashMap<>()).computeIfAbsent(list, l -> new LinkedHashMap<>());
    }

    /** Applies the accepted deletes whose time has come. */
    private void settle() {
        var now = Instant.now();
        var due = pendingDeletes.entrySet().stream().filter(e -> !e.getValue().isAfter(now)).map(Map.Entry::getKey).toList();
        for (var key : due) {
            pendingDeletes.remove(key);
            var parts = key.split("\\|", 3);
            entries(parts[0], parts[1]).remove(parts[2]);
        }
    }

    private @Nullable Forced nextForced(String provider, String methodAndPath) {
        var queue = forced.get(provider);
        if (queue == null) {
            return null;
        }
        for (var it = queue.iterator(); it.hasNext(); ) {
            var force = it.next();
            if (force.methodAndPath().test(methodAndPath)) {
                it.remove();
                return force;
            }
        }
        return null;
    }

    private static String key(String provider, String address) {
        // SES keeps the case it was given; the others compare addresses case-insensitively.
        return provider.equals("ses") ? address : address.toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> params(String query) {
        var map = new HashMap<String, String>();
        if (query == null || query.isEmpty()) {
            return map;
        }
        for (var pair : query.split("&")) {
            var eq = pair.indexOf('=');
            if (eq > 0) {
                map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return map;
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
