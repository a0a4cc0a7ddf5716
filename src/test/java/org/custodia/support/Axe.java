package org.custodia.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

/**
 * axe-core (vendored from its npm package under src/test/resources/axe, see the README there) run in the page the
 * browser shows: the script is injected with executeScript (the page's Content-Security-Policy does not apply to
 * the driver's scripts, and the app never serves axe), then {@code axe.run} reports the violations.
 */
public final class Axe {

    /** One rule that failed, with its impact (minor, moderate, serious, critical) and the elements it failed on. */
    public record Violation(String rule, String impact, String help, List<String> targets) {

        public boolean seriousOrCritical() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return rule + " (" + impact + ": " + help + ") on " + String.join(" | ", targets);
        }
    }

    private static final String SOURCE = load();

    private static final String RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {resultTypes: ['violations']})
              .then(r => done(JSON.stringify(r.violations.map(v => ({
                  rule: v.id, impact: v.impact, help: v.help,
                  targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))
                      .concat(v.nodes.length > 5 ? ['... ' + (v.nodes.length - 5) + ' more'] : [])})))))
              .catch(e => done('ERROR ' + e));
            """;

    private Axe() {
    }

    /** Runs axe on the whole document of the current page and answers every violation it reports. */
    public static List<Violation> run(ChromeDriver driver) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            driver.executeScript(SOURCE);
        }
        String answer = String.valueOf(driver.executeAsyncScript(RUN));
        if (answer.startsWith("ERROR")) {
            throw new IllegalStateException("axe failed on " + driver.getCurrentUrl() + ": " + answer);
        }
        List<Violation> violations = new ArrayList<>();
        for (JsonNode v : Api.JSON.readTree(answer)) {
            List<String> targets = new ArrayList<>();
            v.get("targets").forEach(t -> targets.add(t.asString()));
            violations.add(new Violation(v.get("rule").asString(), v.get("impact").asString(), v.get("help").asString(),
                    targets));
        }
        return violations;
    }

    private static String load() {
        try (InputStream in = Axe.class.getResourceAsStream("/axe/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("src/test/resources/axe/axe.min.js is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
