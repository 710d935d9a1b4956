package dev.suppression.providersync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.suppression.TestDatabase;
import dev.suppression.console.Browser;
import dev.suppression.support.Api;
import dev.suppression.support.TestDns;
import dev.suppression.support.TestKeys;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console shows what the check shows about the ESPs' own lists: after a clear, ops see in the browser whether
 * the address is off a connected provider's list yet, before they let the sender retry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "suppression.security.bootstrap-admin-key=" + TestKeys.ADMIN,
        "suppression.rate-limit.ingest.requests-per-second=0",
        "suppression.rate-limit.ops.requests-per-second=0",
        "suppression.rate-limit.admin.requests-per-second=0",
        "suppression.scheduling.enabled=false",
        "suppression.provider-sync.poll-interval=100ms",
        "suppression.provider-sync.first-retry=200ms",
        "suppression.provider-sync.resend.add-on-suppress=false"})
@Import({TestDatabase.class, TestDns.class, OwnDatabase.class})
class ConsoleProviderStatusTests {

    private static final FakeEsps esps = new FakeEsps();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void resend(DynamicPropertyRegistry registry) {
        registry.add("suppression.provider-sync.resend.api-key", () -> FakeEsps.RESEND_KEY);
        registry.add("suppression.provider-sync.resend.base-url", () -> esps.baseUrl("resend"));
    }

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        esps.close();
    }

    @Test
    void afterAClearOpsSeeTheAddressLeaveAConnectedProvidersList() throws Exception {
        var address = "returning@" + Api.uniqueDomain("console-esp");
        call("POST", "/bounces", Api.userUnknown(address));
        esps.list("resend", "all", address, "bounce", Instant.parse("2026-11-01T00:00:00Z"), "");
        call("DELETE", "/suppressions/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "?reason="
                + URLEncoder.encode("mailbox recreated by their admin", StandardCharsets.UTF_8), null);
        var opsKey = JSON.readTree(call("POST", "/api-keys",
                "{\"name\": \"console-esp-ops\", \"roles\": [\"ops\"], \"environment\": \"test\"}")).get("secret").asString();

        open("/console/sign-in");
        browser.findElement(By.id("name")).sendKeys("Grace Hopper");
        browser.findElement(By.id("key")).sendKeys(opsKey);
        Browser.submit(browser, browser.findElement(By.cssSelector("main form button")));
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/console/address"));
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            open("/console/address?q=" + URLEncoder.encode(address, StandardCharsets.UTF_8));
            return driver.findElement(By.id("providers")).getText().startsWith("resend: removed at ");
        });

        assertThat(esps.holds("resend", "all", address)).isFalse();
        assertThat(browser.findElement(By.id("history")).getText()).contains("Removal from an ESP's list")
                .contains("Provider").contains("resend");
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private String call(String method, String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestKeys.ADMIN)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 299);
        return response.body();
    }
}
