package org.custodia.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.support.IntegrationTest;
import org.custodia.support.SignedInConsole;
import org.junit.jupiter.api.Test;

/** /admin/facilities: the facilities, their units and cells with max, working and certified capacity, edited. */
class FacilityAdminConsoleTest extends IntegrationTest {

    private static final Map<String, String> HTML = Map.of("Accept", "text/html");

    /** A facility of its own: 1 module of 2 cells of 4 places, so that no other test's numbers show. */
    private String facility() {
        String code = "FA" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        jdbc.sql("INSERT INTO facility (code, name, party_code, sex, time_zone) VALUES (?, ?, 'SV', 'MALE', 'America/El_Salvador')")
                .params(code, "Centro de prueba " + code).update();
        UUID module = UUID.randomUUID();
        jdbc.sql("INSERT INTO location (id, facility_code, code, kind) VALUES (?, ?, ?, 'MODULE')")
                .params(module, code, code + "-M1").update();
        for (int c = 1; c <= 2; c++) {
            jdbc.sql("""
                            INSERT INTO location (id, facility_code, parent_id, code, kind, working_capacity, max_capacity,
                                                  certified_normal_accommodation)
                            VALUES (?, ?, ?, ?, 'CELL', 4, 6, 4)""")
                    .params(UUID.randomUUID(), code, module, code + "-C" + c).update();
        }
        return code;
    }

    @Test
    void theAdminSeesTheFacilitiesAndTheirHierarchyWithCapacitiesInBothLanguages() {
        String code = facility();
        var list = as("admin").get("/admin/facilities?lang=es", HTML);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.text()).contains("Centros", "CECOT", code, "America/El_Salvador", "Hombres",
                "Capacidad certificada").doesNotContain(">MALE<", "??");
        assertThat(as("admin").get("/admin/facilities?lang=en", HTML).text()).contains("Facilities", "Men",
                "Working capacity");

        var structure = as("admin").get("/admin/facilities/" + code + "?lang=es&unit=" + code + "-M1", HTML);
        assertThat(structure.status()).isEqualTo(200);
        assertThat(structure.text()).contains("Módulo", "2 / 2", "Celdas de " + code + "-M1", code + "-C1", "Máxima",
                "En uso").doesNotContain(">MODULE<", ">MAXIMUM<");
        var en = as("admin").get("/admin/facilities/" + code + "?lang=en&unit=" + code + "-M1", HTML);
        assertThat(en.text()).contains("Module", "Cells of " + code + "-M1", "In use");

        for (String other : List.of("custody", "oversight", "classification", "us-agency")) {
            assertThat(as(other).get("/admin/facilities", HTML).status()).as(other).isEqualTo(403);
            assertThat(as(other).get("/admin/facilities/" + code, HTML).status()).as(other).isEqualTo(403);
        }
        assertThat(as("admin").get("/admin/facilities/NO-SUCH", HTML).status()).isEqualTo(404);
    }

    @Test
    void theAdminChangesACellsCapacitiesAndTakesItOutOfUseAndARefusalSaysWhatToChange() {
        String code = facility();
        String cell = code + "-C1";
        SignedInConsole admin = SignedInConsole.signIn(baseUrl, "admin");
        var page = admin.get("/admin/facilities/" + code + "/locations/" + cell + "?lang=es");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"6\"", "value=\"4\"", "Capacidad operativa", "Aislamiento");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("maxCapacity", "8");
        form.put("workingCapacity", "10");
        form.put("certifiedNormalAccommodation", "-1");
        form.put("securityLevel", "HIGH");
        form.put("active", "true");
        form.put("inactiveReason", "");
        HttpResponse<String> refused = admin.submit("/admin/facilities/" + code + "/locations/" + cell, form, "es");
        assertThat(refused.body()).contains("id=\"certifiedNormalAccommodation-error\"", "Fuera del intervalo admitido.",
                "value=\"10\"", "value=\"-1\"");
        form.put("certifiedNormalAccommodation", "4");
        HttpResponse<String> below = admin.submit("/admin/facilities/" + code + "/locations/" + cell, form, "en");
        assertThat(below.body()).contains("id=\"maxCapacity-error\"", "It cannot be below the working capacity.");

        form.put("maxCapacity", "12");
        form.put("attribute.MEDICAL", "true");
        HttpResponse<String> saved = admin.submit("/admin/facilities/" + code + "/locations/" + cell, form, "es");
        assertThat(saved.body()).contains("Cambios guardados");
        assertThat(jdbc.sql("SELECT working_capacity || '/' || max_capacity || '/' || certified_normal_accommodation "
                + "|| '/' || security_level || '/' || array_to_string(attributes, ',') FROM location "
                + "WHERE facility_code = ? AND code = ?").params(code, cell).query(String.class).single())
                .isEqualTo("10/12/4/HIGH/MEDICAL");

        form.remove("active");
        HttpResponse<String> noReason = admin.submit("/admin/facilities/" + code + "/locations/" + cell, form, "es");
        assertThat(noReason.body()).contains("id=\"inactiveReason-error\"", "Complete este campo.");
        form.put("inactiveReason", "MAINTENANCE");
        admin.submit("/admin/facilities/" + code + "/locations/" + cell, form, "es");
        var structure = as("admin").get("/admin/facilities/" + code + "?lang=es&unit=" + code + "-M1", HTML);
        assertThat(structure.text()).contains("En mantenimiento", "1 / 2");
        assertThat(jdbc.sql("SELECT count(*) FROM ledger_entry WHERE action = 'LOCATION_CHANGED' AND subject_id = ?")
                .param(code + "/" + cell).query(Long.class).single()).isEqualTo(2);
    }
}
