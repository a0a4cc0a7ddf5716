package org.custodia.housing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.custody.AdmissionCommand;
import org.custodia.custody.CustodyTestSupport;
import org.custodia.support.Api;

/** Throw-away facilities with CECOT's rivalry matrix, people admitted into them, and moves through the API. */
public abstract class HousingTestSupport extends CustodyTestSupport {

    protected static final List<String> RIVALS = List.of("MS13", "BARRIO_18_SURENOS", "BARRIO_18_REVOLUCIONARIOS", "TREN_DE_ARAGUA");

    /** A new facility whose rivals are kept apart by module, as CECOT's demo matrix does. */
    protected String facilityWithRivals(int modules, int cells, int capacity) {
        String code = newFacility(modules, cells, capacity);
        jdbc.sql("UPDATE location SET certified_normal_accommodation = working_capacity WHERE facility_code = ?").param(code).update();
        List<Map<String, Object>> rivalries = new ArrayList<>();
        for (int i = 0; i < RIVALS.size(); i++) {
            for (int j = i + 1; j < RIVALS.size(); j++) {
                rivalries.add(Map.of("a", RIVALS.get(i), "b", RIVALS.get(j), "scope", "MODULE"));
            }
        }
        Api.Response set = as("admin").put("/api/v1/facilities/" + code + "/rivalries", Map.of("rivalries", rivalries));
        assertThat(set.status()).as(set.text()).isEqualTo(200);
        return code;
    }

    protected String person(String facility, String gang) {
        return admit(command(facility, "Nombre " + unique(), "Apellido " + unique(), List.of("SV"), gang));
    }

    /** The same admission of another sex. */
    protected AdmissionCommand ofSex(AdmissionCommand c, String sex) {
        AdmissionCommand.Person p = c.person();
        AdmissionCommand.Person other = new AdmissionCommand.Person(p.givenNames(), p.familyNames(), p.aliases(),
                p.dateOfBirth(), sex, p.selfPerceivedGender(), p.nationalities(), p.identityDocuments(), p.biometricReference());
        return new AdmissionCommand(c.referralId(), c.agreementCode(), c.legalCustodian(), c.facilityCode(), other,
                c.reasonsForCommitment(), c.convictions(), c.sentenceRegime(), c.gctDaysPerYear(), c.gangAffiliation(),
                c.securityLevel(), c.admittedAt(), c.handover(), c.recordedBy());
    }

    /** The same admission under another referral. */
    protected AdmissionCommand withReferral(AdmissionCommand c, String referralId) {
        return new AdmissionCommand(UUID.fromString(referralId), c.agreementCode(), c.legalCustodian(), c.facilityCode(),
                c.person(), c.reasonsForCommitment(), c.convictions(), c.sentenceRegime(), c.gctDaysPerYear(),
                c.gangAffiliation(), c.securityLevel(), c.admittedAt(), c.handover(), c.recordedBy());
    }

    protected Api.Response move(String user, String number, String cell) {
        return as(user).post("/api/v1/prisoners/" + number + "/cell-moves", Map.of("cell", cell, "reason", "Placement"));
    }

    protected void moved(String number, String cell) {
        Api.Response r = move("classification", number, cell);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
    }

    protected static List<String> rules(Api.Response response) {
        List<String> rules = new ArrayList<>();
        response.json().get("errors").forEach(e -> rules.add(e.get("code").asString()));
        return rules;
    }

    protected String cellOf(String number) {
        return jdbc.sql("SELECT cell_code FROM prisoner WHERE prisoner_number = ?").param(number).query(String.class)
                .optional().orElse(null);
    }

    protected String moduleOf(String number) {
        return jdbc.sql("SELECT module_code FROM prisoner WHERE prisoner_number = ?").param(number).query(String.class)
                .optional().orElse(null);
    }

    protected void needs(String number, String... needs) {
        Api.Response r = as("classification").put("/api/v1/prisoners/" + number + "/housing-needs",
                Map.of("needs", List.of(needs), "reason", "Medical assessment"));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    protected String keepApart(String a, String b, String scope) {
        Api.Response r = as("classification").post("/api/v1/keep-aparts", Map.of(
                "first", Map.of("prisonerNumber", a, "role", "VICTIM"), "second", Map.of("prisonerNumber", b, "role", "PERPETRATOR"),
                "reason", "VIOLENCE", "scope", scope, "comment", "Assault in the yard", "authorisedBy", "Director Ramírez"));
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    protected void addMedicalBlock(String facility) {
        Api.Response unit = as("admin").post("/api/v1/facilities/" + facility + "/locations", Map.of("code", "MED", "kind", "MODULE"));
        assertThat(unit.status()).as(unit.text()).isEqualTo(201);
        Api.Response cell = as("admin").post("/api/v1/facilities/" + facility + "/locations", Map.of("code", "MED-C01",
                "kind", "CELL", "parentCode", "MED", "workingCapacity", 2, "attributes", List.of("MEDICAL", "ACCESSIBLE")));
        assertThat(cell.status()).as(cell.text()).isEqualTo(201);
    }
}
