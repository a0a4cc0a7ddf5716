package org.custodia.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for console tests. Selenium is pointed at /usr/bin/chromium and /usr/bin/chromedriver
 * so that it never downloads a browser. Without them the test is skipped with a message, except under CI, where a
 * missing browser is a failure.
 */
public final class Browser implements AutoCloseable {

    public static final String CHROMIUM = "/usr/bin/chromium";
    public static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser start() throws IOException {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        if (!present) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("CI needs " + CHROMIUM + " and " + CHROMEDRIVER
                        + ": apt-get install chromium chromium-driver");
            }
            Assumptions.abort("Browser tests skipped: install Debian's chromium and chromium-driver to run them");
        }
        Path profile = Files.createTempDirectory("custodia-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile);
        // Keep the browser console, so that tests can see Content-Security-Policy violations and script errors.
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return new Browser(driver, profile);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Waits up to 10 s until the condition holds on the current page (pages reload after a click). */
    public <T> T await(java.util.function.Function<org.openqa.selenium.WebDriver, T> condition) {
        return new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(10))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition::apply);
    }

    /** Signs in on the login page and waits for the page after it. */
    public void signIn(String baseUrl, String username, String password) {
        driver.get(baseUrl + "/login");
        driver.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        driver.findElement(org.openqa.selenium.By.id("sign-in")).click();
        await(d -> !d.getCurrentUrl().contains("/login") || d.getCurrentUrl().contains("error"));
    }

    /** What the browser console said since the last call: messages at WARNING and above (CSP violations among them). */
    public java.util.List<String> consoleProblems() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue())
                .map(e -> e.getLevel() + " " + e.getMessage()).toList();
    }

    /** Saves what the page shows to target/screenshots/NAME.png, for a person to look at. */
    public Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        return file;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
