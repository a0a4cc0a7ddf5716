package org.custodia.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodia.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The search through the trigram index: typos, accents, words inside longer ones, short words, the order by
 * closeness, and the bounded count (the bound lowered to 3 here, so that 5 prisoners pass it).
 */
@TestPropertySource(properties = "custodia.search.count-limit=3")
class SearchCandidatesTest extends CustodyTestSupport {

    @Autowired
    MessageSource messages;

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /**
     * A family-name word found in no other test's prisoners: random letters (a digit would make the word exact),
     * so that no two markers are close in trigrams.
     */
    static String marker() {
        StringBuilder marker = new StringBuilder("Zq");
        java.util.concurrent.ThreadLocalRandom.current().ints(10, 'a', 'z' + 1).forEach(c -> marker.append((char) c));
        return marker.toString();
    }

    private JsonNode search(String query) {
        Api.Response r = as("custody").get("/api/v1/prisoners?" + query);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }

    private List<String> found(String query) {
        List<String> numbers = new ArrayList<>();
        search(query).get("items").forEach(i -> numbers.add(i.get("prisonerNumber").asString()));
        return numbers;
    }

    private String admitNamed(String given, String family) {
        return admit(command("CECOT", given, family, List.of("VE"), null));
    }

    @Test
    void typosAccentsAndWordsInsideLongerOnesAreFoundAndUnrelatedNamesAreNot() {
        String marker = marker();
        String martinez = admitNamed("José Luis", "Martínez " + marker);
        String li = admitNamed("Li", "Wang " + marker);

        assertThat(found("q=" + q("martines " + marker))).as("a misspelt name").containsExactly(martinez);
        assertThat(found("q=" + q("Jose Martinez " + marker))).as("no accents for accented names")
                .containsExactly(martinez);
        assertThat(found("q=" + q("JOSÉ " + marker))).as("capitals and accents").containsExactly(martinez);
        assertThat(found("q=" + q("tine " + marker))).as("inside a longer word (word similarity 0.4: LIKE)")
                .containsExactly(martinez);
        assertThat(found("q=" + q("li " + marker))).as("a two-letter word, whole").containsExactly(li);
        assertThat(found("q=" + q("wa " + marker))).as("a two-letter start of a word").containsExactly(li);
        assertThat(found("q=" + q("Fernández " + marker))).as("an unrelated name").isEmpty();
        assertThat(found("q=" + q("Rodrigo " + marker))).as("an unrelated name").isEmpty();
    }

    @Test
    void thePageIsOrderedByClosenessToTheWordsThenByName() {
        String marker = marker();
        // by name "Abad ..." comes first; by closeness to "martines", "martinez" (0.78) before "martin" (0.67)
        String abad = admitNamed("Pedro", "Abad Martin " + marker);
        String martinez = admitNamed("Pedro", "Martínez " + marker);

        assertThat(found("q=" + q(marker))).as("without a close word: by name").containsExactly(abad, martinez);
        assertThat(found("q=" + q("martines " + marker))).containsExactly(martinez, abad);
        assertThat(found("q=" + q("martin " + marker))).containsExactly(abad, martinez);
    }

    @Test
    void theCountStopsPastTheBoundAndSaysSoWhilePagingGoesOn() {
        String marker = marker();
        List<String> admitted = new ArrayList<>();
        for (String given : List.of("Ana", "Berta", "Carla", "Diana", "Elena")) {
            admitted.add(admitNamed(given, "Solis " + marker));
        }
        String words = "q=" + q("Solis " + marker);

        JsonNode first = search(words + "&size=2&page=0");
        assertThat(first.get("total").asLong()).as("the bound, 3").isEqualTo(3);
        assertThat(first.get("totalExact").asBoolean()).isFalse();
        JsonNode second = search(words + "&size=2&page=1");
        assertThat(second.get("total").asLong()).as("beyond the bound: counted to the end of the page").isEqualTo(4);
        assertThat(second.get("totalExact").asBoolean()).as("5 match, more than 4").isFalse();
        JsonNode last = search(words + "&size=2&page=2");
        assertThat(last.get("total").asLong()).isEqualTo(5);
        assertThat(last.get("totalExact").asBoolean()).isTrue();
        JsonNode past = search(words + "&size=2&page=7");
        assertThat(past.get("items").size()).isZero();
        assertThat(past.get("total").asLong()).isEqualTo(5);
        assertThat(past.get("totalExact").asBoolean()).isTrue();
        JsonNode all = search(words + "&size=10");
        assertThat(all.get("total").asLong()).isEqualTo(5);
        assertThat(all.get("totalExact").asBoolean()).isTrue();
        JsonNode three = search("q=" + q("Solis " + marker) + "&size=3");
        assertThat(three.get("total").asLong()).as("a full page of 3 at a bound of 3").isEqualTo(3);
        assertThat(three.get("totalExact").asBoolean()).isFalse();

        List<String> paged = new ArrayList<>();
        for (JsonNode page : List.of(first, second, last)) {
            page.get("items").forEach(i -> paged.add(i.get("prisonerNumber").asString()));
        }
        assertThat(paged).as("pages neither repeat nor skip, in name order").containsExactlyElementsOf(admitted);

    }

    @Test
    void theConsoleSaysMoreThanPastTheBound() {
        String marker = marker();
        // the console's page holds 25: a page that is not full is counted exactly, so 26
        for (int i = 0; i < 26; i++) {
            admitNamed("Nombre " + (char) ('a' + i) + "x", "Pardo " + marker);
        }
        Map<String, String> html = Map.of("Accept", "text/html");
        Api.Response es = as("custody").get("/prisoners?lang=es&q=" + q("Pardo " + marker), html);
        assertThat(es.status()).as(es.text()).isEqualTo(200);
        assertThat(es.text()).contains("Más de 25 reclusos encontrados").contains("Siguiente");
        assertThat(as("custody").get("/prisoners?lang=en&q=" + q("Pardo " + marker), html).text())
                .contains("More than 25 prisoners found");
        assertThat(as("custody").get("/prisoners?lang=es&q=" + q("Pardo " + marker) + "&page=1", html).text())
                .contains("26 reclusos encontrados").doesNotContain("Más de").doesNotContain("Siguiente");
        assertThat(messages.getMessage("custody.search.countMore", new Object[] {1000L}, Locale.forLanguageTag("es")))
                .isEqualTo("Más de 1.000 reclusos encontrados");
        assertThat(messages.getMessage("custody.search.countMore", new Object[] {1000L}, Locale.ENGLISH))
                .isEqualTo("More than 1,000 prisoners found");
    }
}
