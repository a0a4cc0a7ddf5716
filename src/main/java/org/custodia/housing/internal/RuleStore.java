package org.custodia.housing.internal;

import java.sql.Array;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.housing.internal.rules.Need;
import org.custodia.housing.internal.rules.RivalryMatrix;
import org.custodia.housing.internal.rules.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rivalry matrix of each facility and each prisoner's housing needs. */
@Repository
class RuleStore {

    private final JdbcClient jdbc;

    RuleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    RivalryMatrix matrix(String facilityCode) {
        return new RivalryMatrix(jdbc.sql("""
                        SELECT affiliation_a, affiliation_b, scope FROM housing_rivalry WHERE facility_code = ?
                        ORDER BY affiliation_a, affiliation_b""")
                .param(facilityCode)
                .query((rs, n) -> new RivalryMatrix.Rivalry(rs.getString(1), rs.getString(2), Scope.valueOf(rs.getString(3))))
                .list());
    }

    void replaceMatrix(String facilityCode, List<RivalryMatrix.Rivalry> entries) {
        jdbc.sql("DELETE FROM housing_rivalry WHERE facility_code = ?").param(facilityCode).update();
        for (RivalryMatrix.Rivalry r : entries) {
            String a = r.a().compareTo(r.b()) < 0 ? r.a() : r.b();
            String b = a.equals(r.a()) ? r.b() : r.a();
            jdbc.sql("""
                            INSERT INTO housing_rivalry (facility_code, affiliation_a, affiliation_b, scope) VALUES (?, ?, ?, ?)
                            ON CONFLICT (facility_code, affiliation_a, affiliation_b) DO UPDATE SET scope =
                              CASE WHEN housing_rivalry.scope = 'MODULE' THEN 'MODULE' ELSE excluded.scope END""")
                    .params(facilityCode, a, b, r.scope().name()).update();
        }
    }

    Map<String, Set<Need>> needs(Collection<String> numbers) {
        Map<String, Set<Need>> needs = new HashMap<>();
        if (numbers.isEmpty()) {
            return needs;
        }
        jdbc.sql("SELECT prisoner_number, needs FROM housing_need WHERE prisoner_number = ANY (?)")
                .param(numbers.toArray(String[]::new))
                .query(rs -> {
                    needs.put(rs.getString(1), parse(rs.getArray(2)));
                });
        return needs;
    }

    /** Needs of everybody on the roll of a facility (the prisoner table is read, never written). */
    Map<String, Set<Need>> needsInFacility(String facilityCode) {
        Map<String, Set<Need>> needs = new HashMap<>();
        jdbc.sql("""
                        SELECT n.prisoner_number, n.needs FROM housing_need n JOIN prisoner p ON p.prisoner_number = n.prisoner_number
                        WHERE p.facility_code = ? AND p.status <> 'RELEASED'""")
                .param(facilityCode)
                .query(rs -> {
                    needs.put(rs.getString(1), parse(rs.getArray(2)));
                });
        return needs;
    }

    void setNeeds(String number, Set<Need> needs, String reason, Instant at, String by) {
        jdbc.sql("""
                        INSERT INTO housing_need (prisoner_number, needs, reason, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (prisoner_number) DO UPDATE SET needs = excluded.needs, reason = excluded.reason,
                          updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .params(number, needs.stream().map(Enum::name).sorted().toArray(String[]::new), reason,
                        KeepApartStore.ts(at), by)
                .update();
    }

    private static Set<Need> parse(Array array) throws java.sql.SQLException {
        Set<Need> set = EnumSet.noneOf(Need.class);
        for (Object o : (Object[]) array.getArray()) {
            set.add(Need.valueOf((String) o));
        }
        return set;
    }
}
