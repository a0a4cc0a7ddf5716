package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodia.support.Api;
import org.custodia.support.Axe;
import org.custodia.support.Browser;
import org.custodia.support.Dossiers;
import org.custodia.support.IntegrationTest;
import org.custodia.support.ReferralBodies;
import org.custodia.support.TestAgreements;
import org.custodia.support.TestClock;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;

/**
 * Every console page each demo user can reach, in Spanish and in English, as a browser shows it: axe-core finds no
 * serious or critical violation, no message key is missing ({@code ??key??}), no enum constant of the application is
 * printed raw, and at a 390 px wide window nothing scrolls sideways. The pages are found as a user finds them: from
 * the home page through the links of each page (same origin, console pages only, depth 3), plus the detail pages of
 * the data this test creates (a referral in each state it can reach, manifests, an admitted and a released prisoner,
 * an invoice). Every failure is collected; the test fails once with the whole list, and each failing page's
 * screenshot is saved under target/screenshots/every-page-*.png.
 */
class EveryPageBrowserTest extends IntegrationTest {

    private static final List<String> USERS = List.of("admin", "intake", "reception", "classification", "custody",
            "finance", "us-agency", "oversight", "ve-consul");
    /** The users who see a referral in each state; the others see two of them. */
    private static final Set<String> THOROUGH = Set.of("admin", "intake", "us-agency", "oversight");
    private static final int DEPTH = 3;
    /** Pages of one shape (a detail page, a list with the same filters) visited per user: the rest are alike. */
    private static final int PER_SHAPE = 2;
    private static final int NARROW = 390;

    /** Paths that are not console pages (downloads, the API, Swagger UI's own page, which has its own test). */
    private static final List<String> NOT_PAGES = List.of("/logout", "/login", "/api/", "/v3/", "/swagger-ui",
            "/webjars/", "/css/", "/js/", "/actuator", "/oauth2", "/error");

    /**
     * Enum constants that are legitimately shown as they are: none yet. A constant goes here only with a reason
     * (an ISO code the user knows, a legal reference), never because a label is missing.
     */
    private static final Set<String> SHOWN_AS_IS = Set.of();

    /** Enums that never reach a page: the sentence calculator's internal holidays and languages, login bookkeeping. */
    private static final Set<String> NOT_SHOWN = Set.of("org.custodia.sentence.internal.FederalHoliday",
            "org.custodia.sentence.internal.Language", "org.custodia.identity.internal.LoginThrottle$Kind",
            "org.custodia.identity.internal.BearerFailures$Reason");

    /** Any other code in capitals with an underscore (a rule, a constraint, a line kind) outside pre and code. */
    private static final Pattern UPPER_SNAKE = Pattern.compile("(?<![A-Za-z0-9_-])[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9](?![A-Za-z0-9_-])");
    private static final Pattern UUID_PATH = Pattern.compile("/[a-z/-]+/[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}");
    private static final Pattern UUID_SEGMENT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F-]{27}");

    /**
     * Failures known and left to the engineer whose page it is (a page shape and a part of the failure's text): the
     * report lists them apart, the test does not fail on them. Remove an entry when its page is fixed.
     */
    record Pending(String shape, String failure, String why) {
    }

    private static final List<Pending> PENDING = List.of();

    private final List<String> failures = new ArrayList<>();
    private final List<String> pending = new ArrayList<>();
    private final Map<String, Integer> screenshots = new HashMap<>();

    @Test
    void everyPageOfEveryRoleIsAccessibleTranslatedAndFitsA390PxScreen() throws Exception {
        List<String> seeds = createData();
        Map<String, Pattern> codes = enumConstants();
        Map<String, String> locales = new HashMap<>();
        jdbc.sql("SELECT username, locale FROM app_user").query((rs, n) -> locales.put(rs.getString(1), rs.getString(2)))
                .list();
        List<String> report = new ArrayList<>();
        try (Browser browser = Browser.start()) {
            ChromeDriver page = browser.driver();
            page.manage().timeouts().implicitlyWait(Duration.ZERO);
            for (String user : USERS) {
                page.manage().deleteAllCookies();
                browser.signIn(baseUrl, user, "demo");
                assertThat(page.getCurrentUrl()).as(user + " signs in").doesNotContain("/login");
                Set<String> visited = crawl(browser, user, seeds, codes);
                report.add(user + ": " + visited.size() + " pages " + visited);
                for (String path : visited) {
                    check(browser, user, path, "en", codes, null);
                }
            }
        } finally {
            locales.forEach((user, locale) -> jdbc.sql("UPDATE app_user SET locale = ? WHERE username = ?")
                    .params(locale, user).update());
            Path dir = Path.of("target");
            Files.createDirectories(dir);
            List<String> lines = new ArrayList<>(report);
            lines.add("");
            lines.add(failures.size() + " failures");
            lines.addAll(failures);
            lines.add("");
            lines.add(pending.size() + " known, pending in another engineer's page (not failing the test): " + PENDING);
            lines.addAll(pending);
            Files.write(dir.resolve("every-page-report.txt"), lines);
        }
        assertThat(report).as("pages visited").isNotEmpty();
        assertThat(failures).as(failures.size() + " failures (target/every-page-report.txt, screenshots in "
                + "target/screenshots/every-page-*):\n" + String.join("\n", failures)).isEmpty();
    }

    /**
     * Visits the home page, the seeds and what their links lead to, in Spanish, checking each; answers the paths
     * visited (to check again in English).
     */
    private Set<String> crawl(Browser browser, String user, List<String> seeds, Map<String, Pattern> codes)
            throws Exception {
        Set<String> visited = new LinkedHashSet<>();
        Map<String, Integer> shapes = new HashMap<>();
        Deque<Map.Entry<String, Integer>> queue = new ArrayDeque<>();
        queue.add(Map.entry("/", 0));
        // the referral in each state for the roles that act on referrals; two of them for the others
        List<String> mine = THOROUGH.contains(user) ? seeds : seeds.stream()
                .filter(s -> !UUID_PATH.matcher(s).matches() || !s.startsWith("/referrals/") || s.equals(seeds.get(0)) || s.equals(seeds.get(7))).toList();
        mine.forEach(s -> queue.add(Map.entry(s, DEPTH)));
        Set<String> seedSet = new TreeSet<>(mine);
        while (!queue.isEmpty()) {
            Map.Entry<String, Integer> next = queue.poll();
            String path = next.getKey();
            if (visited.contains(path)) {
                continue;
            }
            String shape = shape(path);
            boolean seed = seedSet.contains(path);
            if (!seed && shapes.getOrDefault(shape, 0) >= (shape.contains("?") ? 1 : PER_SHAPE)) {
                continue;
            }
            List<String> links = new ArrayList<>();
            boolean shown = check(browser, user, path, "es", codes, links);
            if (!shown) {
                if (!seed) {
                    failures.add(user + " es " + path + ": a link leads to an error page (" + title(browser) + ")");
                }
                continue;
            }
            visited.add(path);
            shapes.merge(shape, 1, Integer::sum);
            if (next.getValue() < DEPTH) {
                for (String link : links) {
                    if (!visited.contains(link)) {
                        queue.add(Map.entry(link, next.getValue() + 1));
                    }
                }
            }
        }
        return visited;
    }

    /**
     * Opens the page in the language given and checks it; collects its console links when {@code links} is given.
     * Answers false when the page is an error page (the user may not see it, or it does not exist).
     */
    private boolean check(Browser browser, String user, String path, String lang, Map<String, Pattern> codes,
                          List<String> links) throws Exception {
        ChromeDriver page = browser.driver();
        page.manage().window().setSize(new Dimension(1280, 900));
        page.get(baseUrl + path + (path.contains("?") ? "&" : "?") + "lang=" + lang);
        settle(page);
        if (Boolean.TRUE.equals(page.executeScript(
                "const h = document.querySelector('main.login-card h1'); return !!h && /^\\d{3}$/.test(h.textContent.trim());"))) {
            return false;
        }
        String where = user + " " + lang + " " + path;
        List<String> found = new ArrayList<>();
        String text = String.valueOf(page.executeScript("return document.body.innerText;"));
        int missing = text.indexOf("??");
        if (missing >= 0) {
            found.add(where + ": a missing message: \"" + around(text, missing) + "\"");
        }
        // what a page shows as literal data on purpose (a ledger entry's JSON payload, the API contract's values on
        // the API reference) is in <pre> or <code>: the words around it must be words
        String words = String.valueOf(page.executeScript("""
                let t = document.body.innerText;
                for (const e of document.querySelectorAll('pre, code')) { const s = e.innerText; if (s) t = t.replace(s, ' '); }
                return t;"""));
        for (Map.Entry<String, Pattern> code : codes.entrySet()) {
            Matcher m = code.getValue().matcher(words);
            if (m.find()) {
                found.add(where + ": the raw code " + code.getKey() + ": \"" + around(words, m.start()) + "\"");
            }
        }
        Matcher snake = UPPER_SNAKE.matcher(words);
        while (snake.find()) {
            if (!codes.containsKey(snake.group()) && !SHOWN_AS_IS.contains(snake.group())) {
                found.add(where + ": a code in capitals " + snake.group() + ": \"" + around(words, snake.start()) + "\"");
                break;
            }
        }
        String lang2 = String.valueOf(page.executeScript("return document.documentElement.lang;"));
        if (!lang.equals(lang2)) {
            found.add(where + ": <html lang=\"" + lang2 + "\">");
        }
        for (Axe.Violation v : Axe.run(page)) {
            if (v.seriousOrCritical()) {
                found.add(where + ": axe " + v);
            }
        }
        if (links != null) {
            @SuppressWarnings("unchecked")
            List<String> hrefs = (List<String>) page.executeScript(
                    "return Array.from(document.querySelectorAll('a[href]')).map(a => a.href);");
            for (String href : hrefs) {
                String console = consolePath(href);
                if (console != null) {
                    links.add(console);
                }
            }
        }
        boolean failedWide = !found.isEmpty();
        if (failedWide) {
            browser.screenshot(name(user, lang, path, "wide"));
        }
        page.manage().window().setSize(new Dimension(NARROW, 844));
        @SuppressWarnings("unchecked")
        Map<String, Object> fit = (Map<String, Object>) page.executeScript("""
                const w = window.innerWidth, s = document.documentElement.scrollWidth;
                const wide = [];
                const contained = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
                    if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
                const over = e => e.getBoundingClientRect().right > w + 1 && e.getBoundingClientRect().width > 0;
                if (s > w + 1) {
                  for (const e of document.querySelectorAll('body *')) {
                    if (!over(e) || contained(e) || (e.parentElement && e.parentElement !== document.body && over(e.parentElement)
                        && !['MAIN', 'HEADER'].includes(e.parentElement.tagName))) continue;
                    wide.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string'
                        ? '.' + e.className.trim().split(/\\s+/).join('.') : '') + ' ' + Math.round(e.getBoundingClientRect().right) + 'px');
                    if (wide.length >= 6) break;
                  }
                }
                return {inner: w, scroll: s, wide: wide.join(', ')};""");
        if (!page.findElements(org.openqa.selenium.By.cssSelector("main table")).isEmpty()) {
            String role = page.findElement(org.openqa.selenium.By.cssSelector("main table")).getAriaRole();
            if (!"table".equals(role)) {
                found.add(where + ": at " + NARROW + " px the first table's computed role is " + role + ", not table");
            }
        }
        long inner = ((Number) fit.get("inner")).longValue();
        long scroll = ((Number) fit.get("scroll")).longValue();
        if (scroll > inner + 1) {
            found.add(where + ": scrolls sideways at " + inner + " px (" + scroll + " px wide; " + fit.get("wide") + ")");
            browser.screenshot(name(user, lang, path, "narrow"));
        }
        page.manage().window().setSize(new Dimension(1280, 900));
        for (String failure : found) {
            boolean known = PENDING.stream().anyMatch(p -> p.shape().equals(shape(path)) && failure.contains(p.failure()));
            (known ? pending : failures).add(failure);
        }
        return true;
    }

    /** Waits for the page's scripts: charts and tables that load after the page mark themselves data-loaded. */
    private static void settle(ChromeDriver page) {
        try {
            new WebDriverWait(page, Duration.ofSeconds(5)).until(d -> Boolean.TRUE.equals(page.executeScript(
                    "return document.readyState === 'complete' && Array.from(document.querySelectorAll('[data-loaded]'))"
                            + ".every(e => e.getAttribute('data-loaded') === 'true');")));
        } catch (org.openqa.selenium.TimeoutException e) {
            // checked as it is: a chart that never loads shows in the screenshot
        }
    }

    private String title(Browser browser) {
        return String.valueOf(browser.driver().executeScript("return document.querySelector('main').innerText;"))
                .replace('\n', ' ');
    }

    /** The path and query of a link to a console page of this app, or null. */
    private String consolePath(String href) {
        URI uri;
        try {
            uri = URI.create(href);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!baseUrl.equals(uri.getScheme() + "://" + uri.getAuthority())) {
            return null;
        }
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            return null;
        }
        for (String not : NOT_PAGES) {
            if (path.startsWith(not) || path.equals(not.replaceAll("/$", ""))) {
                return null;
            }
        }
        if (path.matches(".*\\.(pdf|csv|json|png|txt|js|css)$")) {
            return null;
        }
        String query = uri.getRawQuery();
        if (query != null) {
            query = String.join("&", java.util.Arrays.stream(query.split("&"))
                    .filter(p -> !p.startsWith("lang=")).toList());
        }
        return query == null || query.isEmpty() ? path : path + "?" + query;
    }

    /** A page's shape: its path with identifiers as placeholders, and the names of its parameters. */
    private static String shape(String path) {
        String[] parts = path.split("\\?", 2);
        StringBuilder shape = new StringBuilder();
        for (String segment : parts[0].split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            shape.append('/').append(UUID_SEGMENT.matcher(segment).matches() || segment.matches(".*\\d.*") ? "{id}" : segment);
        }
        if (parts.length > 1) {
            Set<String> names = new TreeSet<>();
            for (String p : parts[1].split("&")) {
                names.add(p.split("=", 2)[0]);
            }
            shape.append('?').append(names);
        }
        return shape.isEmpty() ? "/" : shape.toString();
    }

    private String name(String user, String lang, String path, String width) {
        String base = "every-page-" + user + "-" + lang + "-" + width + "-"
                + path.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "");
        if (base.length() > 120) {
            base = base.substring(0, 120);
        }
        int n = screenshots.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "-" + n;
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 40), Math.min(text.length(), at + 40)).replace('\n', ' ');
    }

    /**
     * The constants of the application's enums and the codes its messages translate (the last part of a key such as
     * {@code file.document.PASSPORT}), each as a whole-word, case-sensitive pattern.
     */
    private static Map<String, Pattern> enumConstants() throws Exception {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        CachingMetadataReaderFactory readers = new CachingMetadataReaderFactory(resolver);
        Map<String, Pattern> codes = new TreeMap<>();
        for (Resource resource : resolver.getResources("classpath*:org/custodia/**/*.class")) {
            if (resource.getURL().toString().contains("/test-classes/")) {
                continue;
            }
            MetadataReader reader = readers.getMetadataReader(resource);
            String name = reader.getClassMetadata().getClassName();
            if (!"java.lang.Enum".equals(reader.getClassMetadata().getSuperClassName()) || NOT_SHOWN.contains(name)) {
                continue;
            }
            for (Object constant : Class.forName(name, false, EveryPageBrowserTest.class.getClassLoader()).getEnumConstants()) {
                String code = ((Enum<?>) constant).name();
                if (!SHOWN_AS_IS.contains(code)) {
                    codes.putIfAbsent(code, Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(code) + "(?![A-Za-z0-9_])"));
                }
            }
        }
        // codes kept as strings (document types, relationships, invoice line kinds) that have a message of their own
        java.util.Properties messages = new java.util.Properties();
        try (var in = EveryPageBrowserTest.class.getResourceAsStream("/messages_en.properties")) {
            messages.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        for (String key : messages.stringPropertyNames()) {
            String code = key.substring(key.lastIndexOf('.') + 1);
            if (code.matches("[A-Z][A-Z0-9_]+") && !SHOWN_AS_IS.contains(code)) {
                codes.putIfAbsent(code, Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(code) + "(?![A-Za-z0-9_])"));
            }
        }
        assertThat(codes.keySet()).as("codes found by reflection and in the messages")
                .contains("TREN_DE_ARAGUA", "INELIGIBLE", "PASSPORT", "CUSTODY_DAYS", "HANDOVER_REFUSED");
        return codes;
    }

    // ----- the data the pages show -----------------------------------------------------------------------------

    /** Creates a referral in each state the API reaches, two manifests, an admitted, a released prisoner, an invoice. */
    private List<String> createData() {
        Instant now = TestClock.get().instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = LocalDate.now(TestClock.get());
        List<String> seeds = new ArrayList<>();

        String submitted = Dossiers.submitted(this, Dossiers.eligible("Mario", "Ruiz Soto", "VE"));
        Map<String, Object> notFinal = Dossiers.eligible("Pedro", "Gómez Lara", "VE");
        ReferralBodies.convictions(notFinal).set(0, ReferralBodies.conviction(today, false));
        String ineligible = Dossiers.submitted(this, notFinal);
        String rejected = Dossiers.submitted(this, Dossiers.eligible("Raúl", "Díaz Mena", "VE"));
        ok(as("intake").post("/api/v1/referrals/" + rejected + "/decision",
                Map.of("decision", "REJECT", "reason", "Documents incomplete")));
        String withdrawn = Dossiers.submitted(this, Dossiers.eligible("Tomás", "Vega Ríos", "VE"));
        ok(as("us-agency").post("/api/v1/referrals/" + withdrawn + "/withdrawal", Map.of("reason", "Sentence reduced")));
        String accepted = Dossiers.accepted(this, Dossiers.eligible("Andrés", "Molina Paz", "VE"));
        String planned = Dossiers.accepted(this, Dossiers.eligible("Julio", "Castro Núñez", "VE"));
        String inTransit = Dossiers.accepted(this, Dossiers.eligible("Óscar", "Reyes Luna", "VE"));
        String admitted = Dossiers.accepted(this, Dossiers.eligible("Luis", "Campos Vera", "VE"));
        String refused = Dossiers.accepted(this, Dossiers.eligible("Hugo", "Salas Mora", "VE"));

        String plannedManifest = manifest(List.of(planned), now.plus(2, ChronoUnit.DAYS), now.plus(3, ChronoUnit.DAYS));
        String flown = manifest(List.of(inTransit, admitted, refused), now.minusSeconds(7200), now.minusSeconds(900));
        ok(as("reception").post("/api/v1/manifests/" + flown + "/departure",
                Map.of("departedAt", now.minusSeconds(7000).toString())));
        Api.Response arrival = as("reception").post("/api/v1/manifests/" + flown + "/arrivals",
                Dossiers.handover(admitted, now.minusSeconds(600).toString()));
        assertThat(arrival.status()).as(arrival.text()).isEqualTo(201);
        String prisoner = arrival.json().get("prisonerNumber").asString();
        Map<String, Object> refusal = Dossiers.handover(refused, now.minusSeconds(500).toString());
        refusal.put("identityVerified", false);
        refusal.remove("verificationMethod");
        refusal.put("identityDiscrepancy", "Fingerprints do not match the dossier");
        Api.Response refusedAnswer = as("reception").post("/api/v1/manifests/" + flown + "/arrivals", refusal);
        assertThat(refusedAnswer.status()).as(refusedAnswer.text()).isLessThan(500);

        // the admitted person's file has entries of Rule 8 and a temporary absence; a housing plan proposes their cell
        as("custody").post("/api/v1/prisoners/" + prisoner + "/events", Map.of("type", "VISIT", "occurredAt",
                now.minusSeconds(300).toString(), "visitType", "FAMILY", "visitor", "Ana Pérez"));
        as("custody").post("/api/v1/prisoners/" + prisoner + "/movements", Map.of("direction", "OUT", "reason", "HOSPITAL",
                "destination", "Hospital Rosales", "occurredAt", now.minusSeconds(200).toString()));
        Api.Response plan = as("classification").post("/api/v1/housing/plans", Map.of("facilityCode", "CECOT",
                "prisonerNumbers", List.of(prisoner), "timeLimitSeconds", 2));
        assertThat(plan.status()).as(plan.text()).isBetween(200, 201);
        String planPage = "/housing/plans?facility=CECOT&plan=" + plan.json().get("id").asString();

        // a person held since before go-live under an agreement of this test, billed for April 2025, then released
        ZoneId sv = ZoneId.of("America/El_Salvador");
        String billed = "P" + UUID.randomUUID().toString().substring(0, 8).toUpperCase() + "-SV";
        Map<String, Object> agreement = TestAgreements.body(billed, "US", 100, TestAgreements.demoPolicy());
        agreement.put("validFrom", "2024-01-01");
        ok(as("admin").post("/api/v1/agreements", agreement));
        Instant heldSince = LocalDateTime.parse("2025-04-03T09:00").atZone(sv).toInstant();
        Map<String, Object> held = new LinkedHashMap<>();
        held.put("dossier", ReferralBodies.eligible(LocalDate.ofInstant(heldSince, sv), billed));
        held.put("admittedAt", heldSince.toString());
        held.put("source", "CECOT admission register (test)");
        Api.Response history = as("reception").post("/api/v1/custody-history", held);
        assertThat(history.status()).as(history.text()).isEqualTo(201);
        String released = history.json().get("prisonerNumber").asString();
        Api.Response run = as("finance").post("/api/v1/billing/runs", Map.of("agreementCode", billed, "period", "2025-04"));
        assertThat(run.status()).as(run.text()).isIn(200, 201);
        String invoice = run.json().get("number").asString();
        ok(as("custody").post("/api/v1/prisoners/" + released + "/releases", Map.of("type", "RETURN_TO_SENDING_STATE",
                "effectiveAt", now.minusSeconds(3600).toString(), "receivedBy", "U.S. Marshals Service",
                "destinationState", "US", "reason", "Returned under the agreement")));

        for (String referral : List.of(submitted, ineligible, rejected, withdrawn, accepted, planned, inTransit, admitted,
                refused)) {
            seeds.add("/referrals/" + referral);
        }
        seeds.add("/reception/manifests/" + plannedManifest);
        seeds.add("/reception/manifests/" + flown);
        seeds.add("/prisoners/" + prisoner);
        seeds.add("/prisoners/" + released);
        seeds.add("/billing/invoices/" + invoice);
        seeds.add(planPage);
        seeds.add("/referrals/new");
        seeds.add("/reception/manifests/new");
        seeds.add("/account/password");
        seeds.add("/api-reference");
        return seeds;
    }

    private String manifest(List<String> referrals, Instant departure, Instant arrival) {
        Api.Response manifest = as("reception").post("/api/v1/manifests", Map.of("agreementCode", Dossiers.AGREEMENT,
                "carrier", "ICE Air", "transportReference", "GXA-" + UUID.randomUUID().toString().substring(0, 6),
                "scheduledDeparture", departure.toString(), "scheduledArrival", arrival.toString(),
                "referralIds", referrals));
        assertThat(manifest.status()).as(manifest.text()).isEqualTo(201);
        return manifest.json().get("id").asString();
    }

    private static void ok(Api.Response response) {
        assertThat(response.status()).as(response.text()).isBetween(200, 299);
    }
}
