package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.custodia.custody.CustodyTestSupport;
import org.custodia.support.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Issue 11: at 390 px the referral list, the prisoner file and the roll count fit the screen: nothing scrolls the page
 * sideways (a wide table scrolls inside its own labelled region).
 */
class NarrowScreenBrowserTest extends CustodyTestSupport {

    @Test
    void referralsPrisonerFileAndRollCountFitA390PixelScreen() throws Exception {
        String number = admit(command("CECOT", "Nombre Bastante Largo Para Una Pantalla", "Estrecha De Teléfono Móvil",
                List.of("VE"), "BARRIO_18_REVOLUCIONARIOS"));
        try (Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            browser.signIn(baseUrl, "oversight", "demo");
            page.manage().window().setSize(new Dimension(390, 844));
            for (String path : List.of("/referrals?lang=es", "/prisoners/" + number + "?lang=es",
                    "/prisoners/" + number + "?lang=en", "/roll-count?lang=es", "/roll-count?lang=en")) {
                page.get(baseUrl + path);
                long viewport = ((Number) ((JavascriptExecutor) page).executeScript(
                        "return document.documentElement.clientWidth")).longValue();
                long width = ((Number) ((JavascriptExecutor) page).executeScript(
                        "return document.documentElement.scrollWidth")).longValue();
                Object wide = ((JavascriptExecutor) page).executeScript("""
                        const w = document.documentElement.clientWidth; const out = [];
                        for (const e of document.querySelectorAll('main *')) {
                          const r = e.getBoundingClientRect();
                          if (r.right > w + 1 && !e.closest('.table-scroll')) out.push(e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' ' + Math.round(r.right));
                        }
                        return out.slice(0, 8).join(', ');""");
                assertThat(width).as("%s at 390 px: wider than the screen: %s", path, wide).isLessThanOrEqualTo(viewport);
            }
        }
    }
}
