package org.custodia.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.agreement.FeeKind;
import org.custodia.agreement.RuleType;
import org.custodia.identity.Role;
import org.custodia.referral.ReferralStatus;
import org.custodia.support.Api;
import org.custodia.support.Dossiers;
import org.custodia.support.IntegrationTest;
import org.custodia.support.ReferralBodies;
import org.custodia.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each role lands on its own work queue on the home page ("Su trabajo" / "Your work"), in both languages, with
 * no raw code in what it reads; the counts follow the data (measured before and after this test's own data).
 */
class HomeWorkQueueTest extends IntegrationTest {

    private String home(String user, String lang) {
        Api.Response page = as(user).get("/?lang=" + lang, Map.of("Accept", "text/html"));
        assertThat(page.status()).as(user + " " + lang).isEqualTo(200);
        return page.text();
    }

    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
            "intake, es, Su trabajo, referrals-to-review, remisi",
            "intake, en, Your work, referrals-to-review, referral",
            "reception, es, Su trabajo, manifests-arriving, manifiesto",
            "reception, en, Your work, manifests-arriving, manifest",
            "classification, es, Su trabajo, to-house, sin celda",
            "classification, en, Your work, to-house, without a cell",
            "custody, es, Su trabajo, releases-due, 90 días",
            "custody, en, Your work, releases-due, 90 days",
            "finance, es, Su trabajo, runs-due, por facturar",
            "finance, en, Your work, runs-due, to bill",
            "us-agency, es, Su trabajo, invoices-unreconciled, conciliar",
            "us-agency, en, Your work, invoices-unreconciled, reconcil",
            "oversight, es, Su trabajo, complaints, malos tratos",
            "oversight, en, Your work, complaints, ill-treatment",
            "ve-consul, es, Su trabajo, nationals, nacional",
            "ve-consul, en, Your work, nationals, nationals",
            "admin, es, Su trabajo, admin-users, Usuarios",
            "admin, en, Your work, admin-users, Users"})
    void eachRoleSeesItsWorkQueueInItsLanguage(String user, String lang, String heading, String item, String words) {
        String html = home(user, lang);
        String text = HomePages.text(html);
        assertThat(html).contains("lang=\"" + lang + "\"");
        assertThat(text).contains(heading);
        assertThat(HomePages.workItem(html, item)).as(user + " has " + item).isNotNull().contains(words);
        assertThat(rawCodesIn(text)).as("raw codes on " + user + "'s home page (" + lang + ")").isEmpty();
    }

    @Test
    void eachRoleHasTheQueueOfItsWork() {
        assertThat(items("intake")).contains("referrals-to-review").doesNotContain("runs-due", "complaints");
        assertThat(items("reception")).contains("manifests-arriving", "manifests-planned");
        assertThat(items("classification")).contains("to-house", "plans-proposed");
        assertThat(items("custody")).contains("population", "releases-due");
        assertThat(items("finance")).contains("runs-due", "invoices-unpaid", "disputes-open");
        assertThat(items("us-agency")).contains("referrals", "prisoners", "invoices", "invoices-unreconciled")
                .doesNotContain("manifests-arriving", "complaints");
        assertThat(items("oversight")).contains("log", "complaints", "held-without-agreement", "population",
                "referrals", "referrals-ineligible");
        assertThat(items("ve-consul")).containsExactly("nationals");
        assertThat(items("admin")).contains("admin-users", "admin-facilities", "admin-agreements");
    }

    private List<String> items(String user) {
        List<String> ids = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("<li id=\"work-([a-z-]+)\"").matcher(home(user, "en"));
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    void intakeSeesOneMoreReferralToReviewOnceOneIsSubmitted() {
        long before = HomePages.count(HomePages.workItem(home("intake", "es"), "referrals-to-review"));
        Dossiers.submitted(this, Dossiers.eligible("Ana", "Queue " + UUID.randomUUID().toString().substring(0, 6), "VE"));
        String after = HomePages.workItem(home("intake", "es"), "referrals-to-review");
        assertThat(HomePages.count(after)).isEqualTo(before + 1);
        assertThat(after).contains("por revisar");
    }

    @Test
    void oversightSeesHowManyWereReferredHowManyRefusedAndWhyRuleByRule() {
        Dossiers.ensureAgreement(this);
        String html = home("oversight", "en");
        long referred = HomePages.count(HomePages.workItem(html, "referrals"));
        long refused = HomePages.count(HomePages.workItem(html, "referrals-ineligible"));
        long noFinalConviction = figure(html, "Final conviction required");

        // two referrals without a final judgment: refused by the rules, under FINAL_CONVICTION_REQUIRED
        LocalDate today = LocalDate.now(TestClock.get());
        for (int i = 0; i < 2; i++) {
            Map<String, Object> body = Dossiers.eligible("Luis", "Refused " + UUID.randomUUID().toString().substring(0, 6), "VE");
            body.put("convictions", List.of(ReferralBodies.conviction(today, false)));
            Api.Response submitted = as("us-agency").post("/api/v1/referrals", body,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertThat(submitted.status()).as(submitted.text()).isEqualTo(201);
            assertThat(submitted.json().get("status").asString()).isEqualTo("INELIGIBLE");
        }

        String after = home("oversight", "en");
        assertThat(HomePages.count(HomePages.workItem(after, "referrals"))).isEqualTo(referred + 2);
        assertThat(HomePages.count(HomePages.workItem(after, "referrals-ineligible"))).isEqualTo(refused + 2);
        assertThat(figure(after, "Final conviction required")).isEqualTo(noFinalConviction + 2);
        assertThat(HomePages.row(after, "pipeline", "Ineligible")).as("the pipeline has its line").isNotNull();

        String spanish = home("oversight", "es");
        assertThat(HomePages.row(spanish, "refusals", "Condena firme obligatoria")).as("rule names as words").isNotNull();
        assertThat(HomePages.text(spanish)).contains("Remisiones rechazadas por las reglas, por regla incumplida");
    }

    private static long figure(String html, String rule) {
        List<String> row = HomePages.row(html, "refusals", rule);
        return row == null ? 0 : Long.parseLong(row.get(0));
    }

    @Test
    void theAgreementCardSpeaksThePagesLanguage() {
        String es = HomePages.text(home("admin", "es"));
        assertThat(es).contains("Custodia en el CECOT de personas condenadas en los Estados Unidos",
                "Le quedan al menos 180 días de condena por cumplir", "Solo personas de 18 años o más",
                "Centro para hombres", "Federal de los Estados Unidos (First Step Act)", "55,00 USD", "250,00 USD",
                "1 de marzo de 2025", "300 personas");
        assertThat(es).doesNotContain("days: 180", "US_FEDERAL_FSA", "Custody of convicted persons");
        String en = HomePages.text(home("admin", "en"));
        assertThat(en).contains("At least 180 days of the sentence left to serve", "A facility for men",
                "US federal (First Step Act)", "USD 55.00", "March 1, 2025");
    }

    @Test
    void theSendingAgencyAndTheConsulateSeeNoFacilityFigures() {
        String agency = home("us-agency", "en");
        assertThat(HomePages.hasChart(agency, "occupancy-CECOT")).isFalse();
        assertThat(HomePages.hasChart(agency, "revenue")).isFalse();
        assertThat(HomePages.hasChart(agency, "pipeline")).isTrue();
        String consul = home("ve-consul", "en");
        assertThat(HomePages.hasChart(consul, "occupancy-CECOT")).isFalse();
        assertThat(HomePages.hasChart(consul, "releases")).isFalse();
        String finance = home("finance", "en");
        assertThat(HomePages.hasChart(finance, "revenue")).isTrue();
        assertThat(HomePages.hasChart(finance, "occupancy-CECOT")).isTrue();
        assertThat(HomePages.text(home("custody", "es"))).contains("Excarcelaciones en los próximos 90 días, por mes");
    }

    /** Enum codes a user must never read: statuses, rules, roles, regimes, fee kinds, and parameter dumps. */
    static List<String> rawCodesIn(String text) {
        List<String> codes = new ArrayList<>();
        for (ReferralStatus s : ReferralStatus.values()) {
            codes.add(s.name());
        }
        for (RuleType r : RuleType.values()) {
            codes.add(r.name());
        }
        for (Role r : Role.values()) {
            codes.add(r.name());
        }
        for (FeeKind k : FeeKind.values()) {
            codes.add(k.name());
        }
        codes.addAll(List.of("US_FEDERAL_FSA", "NO_CREDITS", "MALE", "FEMALE", "days:", "minimumAge", "??"));
        List<String> found = new ArrayList<>();
        for (String code : codes) {
            if (java.util.regex.Pattern.compile("(?<![\\p{L}_])" + java.util.regex.Pattern.quote(code) + "(?![\\p{L}_])")
                    .matcher(text).find()) {
                found.add(code);
            }
        }
        return found;
    }
}
