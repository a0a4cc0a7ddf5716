package org.custodia.agreement.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.AgreementStatus;
import org.custodia.agreement.EligibilityRule;
import org.custodia.agreement.Fee;
import org.custodia.agreement.FeeKind;
import org.custodia.agreement.Party;
import org.custodia.common.CanonicalJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Repository
class AgreementRepository {

    private final JsonMapper json;

    private final JdbcClient jdbc;

    AgreementRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Party> party(String code) {
        return jdbc.sql("SELECT code, name, country FROM party WHERE code = ?").param(code)
                .query((rs, n) -> new Party(rs.getString(1), rs.getString(2), rs.getString(3))).optional();
    }

    List<Party> parties() {
        return jdbc.sql("SELECT code, name, country FROM party ORDER BY code")
                .query((rs, n) -> new Party(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    boolean insertParty(Party party) {
        return jdbc.sql("INSERT INTO party (code, name, country) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(party.code(), party.name(), party.country()).update() == 1;
    }

    Optional<Agreement> find(String code) {
        return jdbc.sql("SELECT * FROM agreement WHERE code = ?").param(code).query(Row.class).optional().map(this::assemble);
    }

    List<Agreement> all() {
        return jdbc.sql("SELECT * FROM agreement ORDER BY code").query(Row.class).list().stream().map(this::assemble).toList();
    }

    /** Locks the agreement row for the rest of the transaction (amendments take turns). */
    Optional<Agreement> findForUpdate(String code) {
        return jdbc.sql("SELECT * FROM agreement WHERE code = ? FOR UPDATE").param(code).query(Row.class).optional()
                .map(this::assemble);
    }

    void insert(Agreement a, Instant now) {
        jdbc.sql("""
                        INSERT INTO agreement (id, code, title, sending_party, receiving_party, status, valid_from, valid_to,
                                               capacity_quota, sentence_regime, gct_days_per_year, facility_code, version,
                                               created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id(), a.code(), a.title(), a.sendingParty().code(), a.receivingParty().code(), a.status().name(),
                        a.validFrom(), a.validTo(), a.capacityQuota(), a.sentenceRegime(), a.gctDaysPerYear(),
                        a.facilityCode(), a.version(), now.atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC))
                .update();
        insertChildren(a);
    }

    void update(Agreement a, Instant now) {
        jdbc.sql("""
                        UPDATE agreement SET title = ?, sending_party = ?, receiving_party = ?, status = ?, valid_from = ?,
                               valid_to = ?, capacity_quota = ?, sentence_regime = ?, gct_days_per_year = ?,
                               facility_code = ?, version = ?, updated_at = ?
                        WHERE id = ?""")
                .params(a.title(), a.sendingParty().code(), a.receivingParty().code(), a.status().name(), a.validFrom(),
                        a.validTo(), a.capacityQuota(), a.sentenceRegime(), a.gctDaysPerYear(), a.facilityCode(),
                        a.version(), now.atOffset(ZoneOffset.UTC), a.id())
                .update();
        jdbc.sql("DELETE FROM eligibility_rule WHERE agreement_id = ?").param(a.id()).update();
        jdbc.sql("DELETE FROM fee WHERE agreement_id = ?").param(a.id()).update();
        insertChildren(a);
    }

    private void insertChildren(Agreement a) {
        int position = 0;
        for (EligibilityRule rule : a.eligibilityPolicy().rules()) {
            jdbc.sql("INSERT INTO eligibility_rule (agreement_id, position, rule, parameters) VALUES (?, ?, ?, ?)")
                    .params(a.id(), position++, rule.rule(), CanonicalJson.write(rule.parameters()))
                    .update();
        }
        for (Fee fee : a.feeSchedule()) {
            jdbc.sql("""
                            INSERT INTO fee (agreement_id, kind, amount, currency, effective_from, effective_to, security_level)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(a.id(), fee.kind().name(), fee.amount(), fee.currency(), fee.effectiveFrom(), fee.effectiveTo(),
                            fee.securityLevel())
                    .update();
        }
    }

    private Agreement assemble(Row row) {
        List<EligibilityRule> rules = new ArrayList<>();
        jdbc.sql("SELECT rule, parameters FROM eligibility_rule WHERE agreement_id = ? ORDER BY position")
                .param(row.id())
                .query((rs, n) -> new EligibilityRule(rs.getString(1), parseParameters(rs.getString(2))))
                .list()
                .forEach(rules::add);
        List<Fee> fees = jdbc.sql("""
                        SELECT kind, amount, currency, effective_from, effective_to, security_level FROM fee
                        WHERE agreement_id = ? ORDER BY kind, security_level NULLS FIRST, effective_from""")
                .param(row.id())
                .query((rs, n) -> new Fee(FeeKind.valueOf(rs.getString(1)), rs.getBigDecimal(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6)))
                .list();
        Party sending = party(row.sendingParty()).orElseThrow();
        Party receiving = party(row.receivingParty()).orElseThrow();
        return new Agreement(row.id(), row.code(), row.title(), AgreementStatus.valueOf(row.status()), sending, receiving,
                row.validFrom(), row.validTo(), row.capacityQuota(), row.sentenceRegime(), row.gctDaysPerYear(),
                row.facilityCode(), new Agreement.EligibilityPolicy(List.copyOf(rules)), fees, row.version());
    }

    private Map<String, Object> parseParameters(String json) {
        return new LinkedHashMap<>(this.json.readValue(json, new TypeReference<Map<String, Object>>() { }));
    }

    record Row(UUID id, String code, String title, String sendingParty, String receivingParty, String status,
               LocalDate validFrom, LocalDate validTo, int capacityQuota, String sentenceRegime, int gctDaysPerYear,
               String facilityCode, int version) {
    }
}
