package org.custodia.custody;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.custody.AdmissionCommand.Person;
import org.custodia.support.Api;
import org.junit.jupiter.api.Test;

class SearchAndScopeTest extends CustodyTestSupport {

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private List<String> found(String user, String query) {
        Api.Response r = as(user).get("/api/v1/prisoners?" + query);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        r.json().get("items").forEach(i -> numbers.add(i.get("prisonerNumber").asString()));
        return numbers;
    }

    /** An admission whose family name carries a unique marker, so that other tests' prisoners never match. */
    private String admitNamed(String given, String family, String alias, String document, List<String> nationalities) {
        AdmissionCommand c = command("CECOT", given, family, nationalities, "TREN_DE_ARAGUA");
        Person p = c.person();
        Person named = new Person(given, family, List.of(alias), p.dateOfBirth(), p.sex(), p.selfPerceivedGender(),
                nationalities, List.of(new AdmissionCommand.IdentityDocument("PASSPORT", document, nationalities.get(0))),
                p.biometricReference());
        return admit(new AdmissionCommand(c.referralId(), c.agreementCode(), c.legalCustodian(), c.facilityCode(), named,
                c.reasonsForCommitment(), c.convictions(), null, null, c.gangAffiliation(), c.securityLevel(),
                c.admittedAt(), c.handover(), c.recordedBy()));
    }

    @Test
    void searchToleratesAccentsAndSmallTyposAndFindsAliasesNumbersAndDocuments() {
        String marker = SearchCandidatesTest.marker();
        String passport = "V" + (10_000_000 + new java.util.Random().nextInt(89_999_999));
        String jose = admitNamed("José Luis", "Martínez " + marker, "El Flaco", passport, List.of("VE"));
        String other = admitNamed("Ramón", "Gutiérrez " + marker, "Moncho", "W" + (10_000_000 + new java.util.Random()
                .nextInt(89_999_999)), List.of("SV"));

        assertThat(found("custody", "q=" + q("Jose Martinez " + marker))).containsExactly(jose);
        assertThat(found("custody", "q=" + q("José Martínez " + marker))).containsExactly(jose);
        assertThat(found("custody", "q=" + q("Martines " + marker))).as("a small typo").containsExactly(jose);
        assertThat(found("custody", "q=" + q("jose luiz " + marker))).containsExactly(jose);
        assertThat(found("custody", "q=" + q("flaco " + marker))).as("an alias").containsExactly(jose);
        assertThat(found("custody", "q=" + q(jose))).as("the prisoner number").containsExactly(jose);
        assertThat(found("custody", "q=" + q(passport))).as("a document number").containsExactly(jose);
        assertThat(found("custody", "q=" + q(marker))).containsExactlyInAnyOrder(jose, other);
        assertThat(found("custody", "q=" + q(marker) + "&nationality=SV")).containsExactly(other);
        assertThat(found("custody", "q=" + q(marker) + "&affiliation=MS13")).isEmpty();
        assertThat(found("custody", "q=" + q(marker) + "&status=RELEASED")).isEmpty();
        assertThat(found("custody", "q=" + q("Gutierres " + marker))).containsExactly(other);
        assertThat(found("custody", "q=" + q("Pedro " + marker))).isEmpty();
        assertThat(found("custody", "q=" + q("100%_" + marker))).isEmpty();

        Api.Response page = as("custody").get("/api/v1/prisoners?q=" + q(marker) + "&size=1&page=1");
        assertThat(page.json().get("total").asInt()).isEqualTo(2);
        assertThat(page.json().get("items").size()).isEqualTo(1);
        Api.Response bad = as("custody").get("/api/v1/prisoners?status=GONE&size=0&nationality=venezuela");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("status", "size", "nationality");

        // a consul finds only its own nationals
        assertThat(found("ve-consul", "q=" + q(marker))).containsExactly(jose);
    }

    @Test
    void theSendingAgencySeesOnlyItsOwnPrisonersAndTheConsulOnlyItsNationals() {
        String state = "G" + unique().substring(0, 5).replaceAll("[0-9]", "Q");
        Api admin = as("admin");
        assertThat(admin.post("/api/v1/parties", Map.of("code", state, "name", "Another state", "country", "GT")).status())
                .isEqualTo(201);
        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("code", state + "-SV");
        agreement.put("title", "Another agreement");
        agreement.put("sendingPartyCode", state);
        agreement.put("receivingPartyCode", "SV");
        agreement.put("status", "ACTIVE");
        agreement.put("validFrom", "2025-01-01");
        agreement.put("capacityQuota", 10);
        agreement.put("sentenceRegime", "US_FEDERAL_FSA");
        agreement.put("facilityCode", "CECOT");
        agreement.put("eligibilityPolicy", Map.of("rules", List.of()));
        agreement.put("feeSchedule", List.of(Map.of("kind", "CUSTODY_DAY", "amount", "40.00", "currency", "USD",
                "effectiveFrom", "2025-01-01")));
        Api.Response created = admin.post("/api/v1/agreements", agreement);
        assertThat(created.status()).as(created.text()).isEqualTo(201);

        String usVenezuelan = admit(command("CECOT", "Scope", "Estados Unidos", List.of("VE"), null));
        AdmissionCommand c = command("CECOT", "Scope", "Otro Estado", List.of("GT"), null);
        String otherState = admit(new AdmissionCommand(c.referralId(), state + "-SV", state, "CECOT", c.person(),
                c.reasonsForCommitment(), c.convictions(), null, null, null, "MEDIUM", c.admittedAt(), c.handover(), "reception"));

        Api agency = as("us-agency");
        assertThat(agency.get("/api/v1/prisoners/" + usVenezuelan).status()).isEqualTo(200);
        Api.Response hidden = agency.get("/api/v1/prisoners/" + otherState);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.json().get("code").asString()).isEqualTo("PRISONER_NOT_FOUND");
        for (String path : List.of("/file", "/sentence")) {
            assertThat(agency.get("/api/v1/prisoners/" + otherState + path).status()).isEqualTo(404);
        }
        assertThat(found("us-agency", "q=Scope")).contains(usVenezuelan).doesNotContain(otherState);

        Api consul = as("ve-consul");
        assertThat(consul.get("/api/v1/prisoners/" + usVenezuelan).status()).isEqualTo(200);
        assertThat(consul.get("/api/v1/prisoners/" + otherState).status()).isEqualTo(404);
        assertThat(found("ve-consul", "q=Scope")).contains(usVenezuelan).doesNotContain(otherState);
        assertThat(found("oversight", "q=Scope")).contains(usVenezuelan, otherState);

        Api.Response upcoming = agency.get("/api/v1/releases/upcoming?days=180");
        assertThat(upcoming.status()).isEqualTo(200);
        upcoming.json().get("items").forEach(i -> assertThat(i.get("legalCustodian").asString()).isEqualTo("US"));
        assertThat(agency.get("/api/v1/releases/upcoming?days=45").status()).isEqualTo(400);
    }

    @Test
    void upcomingReleasesListThoseDueWithinTheWindow() {
        AdmissionCommand c = command("CECOT", "Pronto", "Libre", List.of("SV"), null);
        java.time.LocalDate today = java.time.LocalDate.ofInstant(now(), zoneOf("CECOT"));
        // 11 months that began 11 months less 20 days ago: the term ends in about 20 days (no good conduct time)
        AdmissionCommand.Conviction soon = new AdmissionCommand.Conviction("Court", "CASE-" + unique(),
                c.convictions().get(0).offences(), new AdmissionCommand.Term(0, 11, 0, false), today.minusMonths(11).plusDays(20),
                0, "CONCURRENT");
        String number = admit(new AdmissionCommand(c.referralId(), c.agreementCode(), c.legalCustodian(), c.facilityCode(),
                c.person(), c.reasonsForCommitment(), List.of(soon), null, null, null, "MEDIUM", c.admittedAt(),
                c.handover(), "reception"));
        String stored = jdbc.sql("SELECT release_date::text FROM prisoner WHERE prisoner_number = ?").param(number)
                .query(String.class).single();
        assertThat(java.time.LocalDate.parse(stored)).isBetween(today, today.plusDays(30));
        List<String> in30 = new ArrayList<>();
        Api.Response upcoming = as("custody").get("/api/v1/releases/upcoming?days=30");
        upcoming.json().get("items").forEach(i -> in30.add(i.get("prisonerNumber").asString()));
        assertThat(in30).as(upcoming.text()).contains(number);
    }
}
