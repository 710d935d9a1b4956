package dev.suppression.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.TestDatabase;
import dev.suppression.support.Api;
import dev.suppression.support.TestDns;
import dev.suppression.support.TestDnsServer;
import dev.suppression.support.TestKeys;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console in a real browser (headless Chromium) against the real service on a real port and PostgreSQL: what
 * an ops person does, click by click. The data comes in through the API, as in production, and the history the
 * API shows afterwards is the proof that the console made its changes in the person's name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "suppression.security.bootstrap-admin-key=" + TestKeys.ADMIN,
        "suppression.rate-limit.ingest.requests-per-second=0",
        "suppression.rate-limit.ops.requests-per-second=0",
        "suppression.rate-limit.admin.requests-per-second=0",
        "suppression.scheduling.enabled=false"})
@Import({TestDatabase.class, TestDns.class})
class ConsoleBrowserTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String PERSON = "Ada Lovelace";

    static ChromeDriver browser;

    @LocalServerPort
    int port;

    String opsKey;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void freshSession() {
        browser.manage().deleteAllCookies();
        opsKey = createKey("console-ops", "ops");
    }

    // ---------------------------------------------------------------------------------------------
    // Signing in
    // ---------------------------------------------------------------------------------------------

    @Test
    void opsSignInWithTheirNameAndAnOpsKeyAndTheCookieIsHttpOnlyAndSameSiteStrict() {
        signIn(opsKey, PERSON);

        assertThat(browser.findElement(By.cssSelector("header .who")).getText())
                .contains("Signed in as " + PERSON).contains("console-ops");
        var cookie = browser.manage().getCookieNamed("CONSOLE_SESSION");
        assertThat(cookie).isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getPath()).isEqualTo("/console");
        assertThat(cookie.isSecure()).as("plain HTTP here; Tomcat marks it Secure over TLS").isFalse();
    }

    @Test
    void aCheckOnlyKeyIsRefusedWithAMessageNamingTheRoleNeeded() {
        signIn(createKey("console-checker", "check"), PERSON);

        assertThat(browser.getCurrentUrl()).contains("/console/sign-in");
        assertThat(browser.findElement(By.id("refusal")).getText())
                .contains("has the role check only").contains("needs a key with the ops role");
        open("/console/address");
        assertThat(browser.getCurrentUrl()).as("still not signed in").endsWith("/console/sign-in");
    }

    @Test
    void signingOutEndsTheSession() {
        signIn(opsKey, PERSON);

        submit(browser.findElement(By.cssSelector("header .who button")));

        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("You are signed out.");
        open("/console/address");
        assertThat(browser.getCurrentUrl()).endsWith("/console/sign-in");
    }

    // ---------------------------------------------------------------------------------------------
    // The address page
    // ---------------------------------------------------------------------------------------------

    @Test
    void opsFindASuppressedAddressAndReadTheFullEvidenceOfItsBounce() {
        var domain = Api.uniqueDomain("console-evidence");
        var address = "jane.doe@" + domain;
        ingest(Api.userUnknown(address));
        signIn(opsKey, PERSON);

        search("  Jane.Doe@" + domain.toUpperCase() + " ");

        assertThat(text("address")).isEqualTo(address);
        assertThat(text("verdict")).startsWith("SUPPRESSED");
        assertThat(text("suppression")).contains("HARD_BOUNCE").contains("USER_UNKNOWN")
                .contains("User unknown in virtual mailbox table").contains("mx1.recipient.example");
        var bounce = browser.findElement(By.cssSelector("#history li[data-type='BOUNCE']"));
        assertThat(bounce.getText())
                .contains("SMTP stage").contains("Reporting MTA")
                .contains("Full SMTP response")
                .contains("550 5.1.1 <" + address + ">: Recipient address rejected: User unknown in virtual mailbox table")
                .contains("Rejecting host").contains("mx1.recipient.example")
                .contains("Message id").contains("@sender.example>")
                .contains("Enhanced status code").contains("5.1.1");
        var raw = bounce.findElement(By.cssSelector("details.raw"));
        raw.findElement(By.tagName("summary")).click();
        assertThat(raw.findElement(By.tagName("pre")).getText()).contains("\"recipient\"").contains(address);
        assertThat(historyTypes()).containsExactly("BOUNCE", "SUPPRESSED");
        Browser.screenshot(browser, Path.of("docs", "console-address.png"));
    }

    @Test
    void aClearNeedsAReasonAndTheSecondClearDuringProbationShowsTheForceStepFirst() {
        var domain = Api.uniqueDomain("console-clear");
        var address = "bob@" + domain;
        ingest(Api.userUnknown(address));
        signIn(opsKey, PERSON);
        search(address);
        assertThat(text("probation-rule")).contains("A clear starts a probation of 30 days");

        clear("mailbox recreated by their admin", false);

        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("Cleared " + address);
        assertThat(text("verdict")).startsWith("ALLOW");
        assertThat(text("on-probation")).contains("on probation until");

        ingest(Api.userUnknown(address));
        search(address);
        assertThat(text("force-step")).contains("A second clear needs force")
                .contains("hard-bounced again during the probation");

        clear("they say it works now", false);
        assertThat(browser.findElement(By.cssSelector(".problem")).getText())
                .contains("Not cleared").contains("needs force");
        assertThat(text("verdict")).startsWith("SUPPRESSED");

        clear("recipient admin confirmed the mailbox exists", true);
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("with force");
        assertThat(text("verdict")).startsWith("ALLOW");

        var changes = apiHistory(address).stream().filter(e -> e.has("actor")).toList();
        assertThat(changes).extracting(e -> e.get("type").asString())
                .containsExactly("SUPPRESSED", "CLEARED", "RESUPPRESSED", "CLEARED_FORCED");
        assertThat(changes.get(1).get("actor").asString()).isEqualTo("console-ops (" + PERSON + ")");
        assertThat(changes.get(1).get("reason").asString()).isEqualTo("mailbox recreated by their admin");
        assertThat(changes.get(3).get("actor").asString()).isEqualTo("console-ops (" + PERSON + ")");
    }

    @Test
    void opsSuppressAnAddressByHandInTheirName() {
        var address = "unsubscribed@" + Api.uniqueDomain("console-manual");
        signIn(opsKey, PERSON);
        search(address);
        assertThat(text("verdict")).startsWith("ALLOW");

        browser.findElement(By.id("suppress-reason")).sendKeys("asked by phone never to be mailed");
        submit(browser.findElement(By.cssSelector("#suppress-form button")));

        assertThat(text("verdict")).startsWith("SUPPRESSED");
        var change = apiHistory(address).getLast();
        assertThat(change.get("type").asString()).isEqualTo("MANUAL_SUPPRESSED");
        assertThat(change.get("actor").asString()).isEqualTo("console-ops (" + PERSON + ")");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        var address = "forged@" + Api.uniqueDomain("console-csrf");
        signIn(opsKey, PERSON);
        search(address);

        ((JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll('#suppress-form input[name=_csrf]').forEach(e => e.remove())");
        browser.findElement(By.id("suppress-reason")).sendKeys("forged");
        submit(browser.findElement(By.cssSelector("#suppress-form button")));

        assertThat(text("refusal")).contains("Nothing was changed").contains("CSRF token is missing");
        assertThat(apiCheck(address).get("verdict").asString()).isEqualTo("ALLOW");
    }

    // ---------------------------------------------------------------------------------------------
    // The domains page
    // ---------------------------------------------------------------------------------------------

    @Test
    void opsResumeAPausedDomainWithAReason() {
        var paused = Api.uniqueDomain("console-paused");
        var small = Api.uniqueDomain("console-small");
        for (int i = 1; i <= 5; i++) {
            ingest(Api.userUnknown("user" + i + "@" + paused));
        }
        for (int i = 1; i <= 3; i++) {
            ingest(Api.userUnknown("user" + i + "@" + small));
        }
        signIn(opsKey, PERSON);
        open("/console/domains");

        var row = browser.findElement(By.cssSelector("#paused tr[data-domain='" + paused + "']"));
        assertThat(row.getText()).contains(paused).contains("5");
        assertThat(browser.findElement(By.id("clusters")).getText()).contains(small);
        Browser.screenshot(browser, Path.of("docs", "console-domains.png"));

        row.findElement(By.name("reason")).sendKeys("MX records fixed, confirmed with their admin");
        submit(row.findElement(By.tagName("button")));

        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).contains("Resumed " + paused);
        assertThat(browser.findElements(By.cssSelector("#paused tr[data-domain='" + paused + "']"))).isEmpty();
        assertThat(apiCheck("fresh@" + paused).get("verdict").asString()).isEqualTo("ALLOW");
    }

    @Test
    void opsReadWhoRefusedADomainsMailAndCopyTheTicketForItsAdmin() {
        var domain = Api.uniqueDomain("console-gateway");
        TestDnsServer.shared().mx(domain, 300, "10 mx0a-00251e01.pphosted.com", "10 mx0b-00251e01.pphosted.com");
        for (int i = 1; i <= 3; i++) {
            ingest("""
                    {"recipient": "user%d@%s", "stage": "RCPT", "remoteMta": "mx0a-00251e01.pphosted.com",
                     "diagnostic": "550 5.1.1 User Unknown", "messageId": "<gw-%d@sender.example>"}
                    """.formatted(i, domain, i));
        }
        signIn(opsKey, PERSON);

        open("/console/domains/" + domain);

        var finding = browser.findElement(By.cssSelector("article.finding[data-rule='GATEWAY_REJECTS_RECIPIENTS']"));
        assertThat(finding.getText()).contains("An inbound gateway (Proofpoint) rejects recipients")
                .contains("user1@" + domain + " at").contains("refused by mx0a-00251e01.pphosted.com (Proofpoint) at RCPT");
        assertThat(browser.findElement(By.cssSelector("#rejectors tbody tr")).getText())
                .contains("mx0a-00251e01.pphosted.com", "INBOUND_GATEWAY", "Proofpoint", "yes", "3");
        assertThat(text("mx-summary")).isEqualTo("MX 10 mx0a-00251e01.pphosted.com, 10 mx0b-00251e01.pphosted.com");
        assertThat(text("questions")).contains("When did Proofpoint last sync its recipient list with your directory");
        var ticket = browser.findElement(By.id("ticket")).getDomProperty("value");
        assertThat(ticket).startsWith("# Mail to " + domain + " is being refused")
                .contains("| user3@" + domain + " |").contains("## What we will do after your fix");
        Browser.screenshot(browser, Path.of("docs", "console-diagnosis.png"));

        var copy = browser.findElement(By.id("copy-ticket"));
        assertThat(copy.isDisplayed()).as("the script shows the copy button").isTrue();
        copy.click();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(ExpectedConditions.textToBe(By.id("copy-status"), "Copied to the clipboard."));
    }

    @Test
    void withoutScriptsTheTicketIsAPlainMarkdownPage() {
        var domain = Api.uniqueDomain("console-ticket");
        TestDnsServer.shared().nullMx(domain);
        ingest(Api.userUnknown("someone@" + domain));
        signIn(opsKey, PERSON);

        open("/console/domains/" + domain);
        var link = browser.findElement(By.linkText("open it as a Markdown file")).getAttribute("href");
        open(link.substring(link.indexOf("/console/")));

        assertThat(browser.findElement(By.tagName("body")).getText())
                .startsWith("# Mail to " + domain + " is being refused")
                .contains("someone@" + domain)
                .contains("null MX");
    }

    // ---------------------------------------------------------------------------------------------
    // Lists
    // ---------------------------------------------------------------------------------------------

    @Test
    void anImportedListIsFilteredByDomainAndReasonAndPagedByAddress() throws IOException {
        var domain = Api.uniqueDomain("console-list");
        var csv = new StringBuilder("address,reason,since\n");
        for (int i = 0; i < SuppressionsPage.PAGE_SIZE + 2; i++) {
            csv.append("user%03d@%s,HARD_BOUNCE,2026-01-02T03:04:05Z\n".formatted(i, domain));
        }
        csv.append("manual@").append(domain).append(",MANUAL,2026-01-02T03:04:05Z\n");
        csv.append("not an address,MANUAL\n");
        var file = Files.writeString(Files.createTempFile("console-import-", ".csv"), csv);
        signIn(opsKey, PERSON);
        open("/console/suppressions");

        browser.findElement(By.id("import-file")).sendKeys(file.toString());
        submit(browser.findElement(By.cssSelector("#import-form button")));

        assertThat(text("import-summary")).contains("Imported\n" + (SuppressionsPage.PAGE_SIZE + 3))
                .contains("Rejected rows\n1");
        open("/console/suppressions?domain=" + domain + "&reason=HARD_BOUNCE&from=2026-01-02&to=2026-01-02");
        var firstPage = addressesListed();
        assertThat(firstPage).hasSize(SuppressionsPage.PAGE_SIZE).startsWith("user000@" + domain)
                .doesNotContain("manual@" + domain);
        submit(browser.findElement(By.id("next-page")));
        assertThat(addressesListed()).containsExactly("user050@" + domain, "user051@" + domain);
        assertThat(browser.findElements(By.id("next-page"))).isEmpty();
        open("/console/suppressions?domain=" + domain + "&from=2026-01-03");
        assertThat(browser.findElements(By.cssSelector("#suppressions tbody tr"))).isEmpty();

        var imported = apiHistory("user000@" + domain).getLast();
        assertThat(imported.get("type").asString()).isEqualTo("IMPORTED");
        assertThat(imported.get("actor").asString()).isEqualTo("console-ops (" + PERSON + ")");
    }

    @Test
    void aRejectedEventIsListedWithItsReasonAndRawPayload() {
        var marker = "no-recipient-" + java.util.UUID.randomUUID();
        call("POST", "/bounces", "{\"smtpCode\": 550, \"diagnostic\": \"" + marker + "\"}");
        signIn(opsKey, PERSON);

        open("/console/rejected");

        var newest = browser.findElement(By.cssSelector("#rejected > li"));
        var raw = newest.findElement(By.cssSelector("details.raw"));
        raw.findElement(By.tagName("summary")).click();
        assertThat(raw.findElement(By.tagName("pre")).getText()).contains(marker);
        assertThat(newest.getText()).contains("recipient");
    }

    // ---------------------------------------------------------------------------------------------
    // Keys
    // ---------------------------------------------------------------------------------------------

    @Test
    void anAdminCreatesAKeyWhoseSecretIsShownOnceAndRevokesIt() {
        signIn(TestKeys.ADMIN, "Grace Hopper");
        open("/console/admin/keys");
        var name = "mailer-" + java.util.UUID.randomUUID().toString().substring(0, 8);

        browser.findElement(By.id("key-name")).sendKeys(name);
        browser.findElement(By.id("role-check")).click();
        browser.findElement(By.id("env-test")).click();
        submit(browser.findElement(By.cssSelector("#create-key button")));

        var secret = browser.findElement(By.id("secret")).getAttribute("value");
        assertThat(secret).startsWith("sk_test_");
        assertThat(apiCheckWith(secret, "someone@" + Api.uniqueDomain("console-key"))).isEqualTo(200);
        open("/console/admin/keys");
        assertThat(browser.findElements(By.id("secret"))).as("shown once").isEmpty();
        var row = browser.findElement(By.cssSelector("#keys tr[data-key='" + name + "']"));
        assertThat(row.getText()).contains("check").contains("active");

        submit(row.findElement(By.tagName("button")));

        assertThat(browser.findElement(By.cssSelector("#keys tr[data-key='" + name + "']")).getText()).contains("revoked");
        assertThat(apiCheckWith(secret, "someone@" + Api.uniqueDomain("console-key"))).isEqualTo(401);
    }

    @Test
    void anOpsKeyIsToldTheKeysPageNeedsTheAdminRole() {
        signIn(opsKey, PERSON);
        assertThat(browser.findElements(By.linkText("API keys"))).isEmpty();

        open("/console/admin/keys");

        assertThat(text("refusal")).contains("needs a key with the admin role");
    }

    // ---------------------------------------------------------------------------------------------
    // Helpers: the browser, and the API as its clients call it
    // ---------------------------------------------------------------------------------------------

    /** Clicks a button that sends a form, and waits for the page the answer brings. */
    private static void submit(WebElement button) {
        Browser.submit(browser, button);
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void signIn(String key, String person) {
        open("/console/sign-in");
        browser.findElement(By.id("name")).sendKeys(person);
        browser.findElement(By.id("key")).sendKeys(key);
        submit(browser.findElement(By.cssSelector("main form button")));
    }

    private void search(String address) {
        open("/console/address");
        var box = browser.findElement(By.id("q"));
        box.clear();
        box.sendKeys(address);
        submit(browser.findElement(By.cssSelector("form.search button")));
    }

    private void clear(String reason, boolean force) {
        browser.findElement(By.id("clear-reason")).sendKeys(reason);
        if (force) {
            browser.findElement(By.id("force")).click();
        }
        submit(browser.findElement(By.cssSelector("#clear-form button")));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private List<String> addressesListed() {
        return browser.findElements(By.cssSelector("#suppressions tbody th")).stream().map(WebElement::getText).toList();
    }

    private int apiCheckWith(String key, String address) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/suppressions/"
                + URLEncoder.encode(address, StandardCharsets.UTF_8))).header("Authorization", "Bearer " + key).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<String> historyTypes() {
        return browser.findElements(By.cssSelector("#history > li")).stream()
                .map((WebElement e) -> e.getAttribute("data-type")).toList();
    }

    private String createKey(String name, String role) {
        var created = call("POST", "/api-keys", "{\"name\": \"" + name + "\", \"roles\": [\"" + role + "\"],"
                + " \"environment\": \"test\"}");
        return created.get("secret").asString();
    }

    private void ingest(String bounce) {
        call("POST", "/bounces", bounce);
    }

    private JsonNode apiCheck(String address) {
        return call("GET", "/suppressions/" + URLEncoder.encode(address, StandardCharsets.UTF_8), null);
    }

    private List<JsonNode> apiHistory(String address) {
        var entries = new ArrayList<JsonNode>();
        call("GET", "/suppressions/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/history", null)
                .get("entries").forEach(entries::add);
        return entries;
    }

    private JsonNode call(String method, String path, String json) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestKeys.ADMIN)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
