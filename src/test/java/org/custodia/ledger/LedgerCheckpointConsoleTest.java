package org.custodia.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodia.ledger.tlog.Cosignature;
import org.custodia.ledger.tlog.Ed25519;
import org.custodia.ledger.tlog.SignedNote;
import org.custodia.ledger.tlog.VerifierKey;
import org.custodia.support.Api;
import org.custodia.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import tools.jackson.databind.JsonNode;

/** The ledger's pages show the latest signed checkpoint and who cosigned it, and offer every action as words. */
class LedgerCheckpointConsoleTest extends IntegrationTest {

    private static final Pattern SIZE = Pattern.compile("id=\"checkpoint-size\">([^<]+)<");

    @Autowired
    Clock clock;

    @Autowired
    MessageSource messages;

    @Test
    void theLatestCheckpointAndItsCosignaturesAreOnBothLedgerPagesInBothLanguages() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String name = "us.example/console-witness-" + UUID.randomUUID();
        VerifierKey witness = new VerifierKey(name, VerifierKey.COSIGNATURE_V1, Ed25519.raw(pair.getPublic()));
        assertThat(as("us-agency").post("/api/v1/ledger/witnesses", Map.of("name", name, "publicKey",
                Base64.getEncoder().encodeToString(witness.publicKey()))).status()).isEqualTo(201);

        // The scheduler may sign a newer checkpoint between ours and the page: then sign and cosign again.
        for (int attempt = 1; ; attempt++) {
            Api.Response signed = as("oversight").post("/api/v1/ledger/checkpoints", "");
            assertThat(signed.status()).as(signed.text()).isIn(200, 201);
            JsonNode checkpoint = signed.json();
            long size = checkpoint.get("treeSize").asLong();
            String body = SignedNote.parse(checkpoint.get("note").asString()).text();
            String line = Cosignature.sign(body, clock.instant().getEpochSecond(), witness, pair.getPrivate()).encoded();
            Api.Response cosigned = as("us-agency").post("/api/v1/ledger/checkpoints/" + size + "/cosignatures",
                    Map.of("signatureLine", line));
            assertThat(cosigned.status()).as(cosigned.text()).isEqualTo(200);

            String es = page("oversight", "/ledger?lang=es");
            String entries = page("oversight", "/ledger/entries?lang=en");
            if (!(sizeOn(es, Locale.forLanguageTag("es")) == size && sizeOn(entries, Locale.ENGLISH) == size)) {
                assertThat(attempt).as("a checkpoint of our own stays the latest for one page view").isLessThan(5);
                continue;
            }
            assertThat(es).contains("Último punto de control firmado", name, "La parte US", "Cofirmado (UTC)", "us-agency",
                    "id=\"checkpoint-note\"").doesNotContain("??");
            assertThat(entries).contains("Latest signed checkpoint", name, "Party US", "Posted by", "us-agency");
            String en = page("us-agency", "/ledger?lang=en");
            assertThat(en).contains("Latest signed checkpoint", name, "Party US").doesNotContain("??");
            break;
        }
    }

    @Test
    void theLedgerPageLinksToTheBrowsingAndEveryActionIsOfferedAsWords() {
        String ledger = page("oversight", "/ledger?lang=es");
        assertThat(ledger).contains("id=\"browse-ledger\"", "href=\"/ledger/entries\"");
        String entries = page("oversight", "/ledger/entries?lang=es");
        List<String> actions = jdbc.sql("SELECT DISTINCT action FROM ledger_entry").query(String.class).list();
        assertThat(actions).isNotEmpty();
        for (String action : actions) {
            for (Locale locale : List.of(Locale.forLanguageTag("es"), Locale.ENGLISH)) {
                assertThat(messages.getMessage("ledger.action." + action, null, null, locale))
                        .as("words for the action %s in %s", action, locale).isNotNull();
            }
            assertThat(entries).contains("<option value=\"" + action + "\">"
                    + messages.getMessage("ledger.action." + action, null, Locale.forLanguageTag("es")) + "</option>");
        }
    }

    private String page(String user, String path) {
        Api.Response response = as(user).get(path, Map.of("Accept", "text/html"));
        assertThat(response.status()).as(path).isEqualTo(200);
        return response.text();
    }

    private static long sizeOn(String html, Locale locale) {
        Matcher m = SIZE.matcher(html);
        return m.find() ? Long.parseLong(m.group(1).replaceAll("[^0-9]", "")) : -1;
    }
}
