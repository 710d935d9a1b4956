package dev.suppression.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver, named by path: Selenium Manager would try to
 * download a browser, and these machines reach no such site. Without the two packages the tests fail and say what
 * to install; they never skip.
 */
public final class Browser {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browser() {
    }

    public static ChromeDriver start() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .withFailMessage("The console's browser tests need Debian's Chromium at %s and %s: "
                        + "apt-get install chromium chromium-driver (.ci/run installs them when missing).",
                        CHROMIUM, CHROMEDRIVER)
                .isTrue();
        Path profile;
        try {
            profile = Files.createTempDirectory("console-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,900", "--lang=en-GB",
                "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .withLogFile(new File("target/chromedriver.log")).build();
        var driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5)).pageLoadTimeout(Duration.ofSeconds(30));
        return driver;
    }

    /**
     * Clicks a button that sends a form and waits for the page the answer brings. The old page is marked with a
     * window property and the wait ends when a loaded document without it is there. Waiting for the old
     * {@code <html>} element to go stale is not enough: while the new document replaces it, Chromium may answer
     * "node does not belong to the document" instead of a stale reference, and that error sank a CI run. Errors
     * asked mid-navigation are ignored and asked again.
     */
    public static void submit(ChromeDriver driver, WebElement button) {
        driver.executeScript("window.__consoleTestOldPage = true;");
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return window.__consoleTestOldPage === undefined && document.readyState === 'complete';")));
    }

    /** The whole page, not just the window, as a PNG (the README shows these), taken by Chromium's own capture. */
    @SuppressWarnings("unchecked")
    public static void screenshot(ChromeDriver driver, Path file) {
        var metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        var content = (Map<String, Object>) metrics.get("cssContentSize");
        var clip = Map.of("x", 0, "y", 0, "scale", 1,
                "width", ((Number) content.get("width")).doubleValue(),
                "height", Math.min(((Number) content.get("height")).doubleValue(), 4000));
        var shot = driver.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
