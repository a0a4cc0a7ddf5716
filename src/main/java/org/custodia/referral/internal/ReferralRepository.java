package org.custodia.referral.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodia.common.CanonicalJson;
import org.custodia.referral.Dossier;
import org.custodia.referral.Eligibility;
import org.custodia.referral.GangAffiliation;
import org.custodia.referral.ReferralSnapshot;
import org.custodia.referral.ReferralStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.json.JsonMapper;

@Repository
class ReferralRepository {

    private final JsonMapper json;
    /**
     * A referral in progress or in custody: a person recorded from a custody history (MIGRATED) counts while they are
     * held, that is until their release is recorded ({@code released_at}).
     */
    private static final String LIVE = "(r.status IN ('SUBMITTED', 'ACCEPTED', 'IN_TRANSIT', 'ADMITTED') "
            + "OR (r.status = 'MIGRATED' AND r.released_at IS NULL))";
    /** The places of the quota taken: accepted, on the way, or held (admitted or recorded from a custody history). */
    private static final String HOLDING_QUOTA = "(r.status IN ('ACCEPTED', 'IN_TRANSIT', 'ADMITTED') "
            + "OR (r.status = 'MIGRATED' AND r.released_at IS NULL))";

    private final JdbcClient jdbc;

    ReferralRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A new referral, as it is written: the dossier, its first evaluation, who sent it and when. */
    record NewReferral(UUID id, String sendingParty, ReferralStatus status, Dossier dossier, String dossierJson,
                       String dossierHash, Eligibility eligibility, String submittedBy, Instant submittedAt) {
    }

    /** Searches: all filters optional; the scope limits what the caller may see. */
    record Filter(ReferralStatus status, String agreementCode, String nationality, String affiliation) {
    }

    record Scope(String sendingParty, String nationality) {
        static final Scope ALL = new Scope(null, null);
    }

    /** A referral in a list. */
    @Schema(name = "ReferralSummary", description = "A referral in a list")
    record Summary(@Schema(description = "The referral's id") UUID id,
                   @Schema(description = "Where it stands") ReferralStatus status,
                   @Schema(description = "The agreement") String agreementCode,
                   @Schema(description = "The sending state's reference") String externalReference,
                   @Schema(description = "The person's given names") String givenNames,
                   @Schema(description = "The person's family names") String familyNames,
                   @Schema(description = "ISO 3166 alpha-2 codes") List<String> nationalities,
                   @Schema(description = "The claimed gang group, or null") String affiliation,
                   @Schema(description = "Whether the latest evaluation found no FAIL") boolean eligible,
                   @Schema(description = "When it was submitted") Instant submittedAt) {
    }

    // --- writing ---

    void insert(NewReferral r) {
        insertAll(List.of(r));
    }

    /**
     * Writes the referrals, their nationalities, identity keys and first evaluations with one statement per table:
     * each column travels as one text array and {@code unnest} turns the arrays back into rows.
     */
    void insertAll(List<NewReferral> referrals) {
        if (referrals.isEmpty()) {
            return;
        }
        Columns rows = new Columns(17);
        Columns nationalities = new Columns(2);
        Columns keys = new Columns(2);
        Columns evaluations = new Columns(6);
        for (NewReferral r : referrals) {
            Dossier d = r.dossier();
            String id = r.id().toString();
            String at = r.submittedAt().toString();
            rows.add(id, d.agreementCode(), r.sendingParty(), d.externalReference(), r.status().name(),
                    d.person().givenNames(), d.person().familyNames(), d.person().dateOfBirth().toString(),
                    d.person().sex().name(), affiliationOf(d), r.dossierJson(), r.dossierHash(),
                    Boolean.toString(r.eligibility().eligible()), write(r.eligibility()), r.submittedBy(), at, at);
            for (String n : new java.util.LinkedHashSet<>(d.person().nationalities())) {
                nationalities.add(id, n);
            }
            for (String k : IdentityKeys.of(d.person())) {
                keys.add(id, k);
            }
            evaluations.add(id, r.eligibility().evaluatedOn().toString(), at, r.submittedBy(),
                    Boolean.toString(r.eligibility().eligible()), write(r.eligibility().findings()));
        }
        jdbc.sql("""
                        INSERT INTO referral (id, agreement_code, sending_party, external_reference, status, given_names,
                                              family_names, date_of_birth, sex, affiliation, dossier, dossier_hash, eligible,
                                              eligibility, submitted_by, submitted_at, updated_at)
                        SELECT c1::uuid, c2, c3, c4, c5, c6, c7, c8::date, c9, c10, c11, c12, c13::boolean, c14, c15,
                               c16::timestamptz, c17::timestamptz
                        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::text[])
                             AS u(c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, c16, c17)""")
                .params(rows.arrays()).update();
        if (!nationalities.isEmpty()) {
            jdbc.sql("INSERT INTO referral_nationality (referral_id, nationality) "
                    + "SELECT c1::uuid, c2 FROM unnest(?::text[], ?::text[]) AS u(c1, c2)").params(nationalities.arrays()).update();
        }
        if (!keys.isEmpty()) {
            jdbc.sql("INSERT INTO referral_identity_key (referral_id, identity_key) "
                    + "SELECT c1::uuid, c2 FROM unnest(?::text[], ?::text[]) AS u(c1, c2)").params(keys.arrays()).update();
        }
        jdbc.sql("""
                        INSERT INTO referral_evaluation (referral_id, purpose, evaluated_on, evaluated_at, evaluated_by,
                                                         eligible, findings)
                        SELECT c1::uuid, 'SUBMISSION', c2::date, c3::timestamptz, c4, c5::boolean, c6
                        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                             AS u(c1, c2, c3, c4, c5, c6)""")
                .params(evaluations.arrays()).update();
    }

    /** Values gathered column by column, handed to JDBC as one text array per column. */
    private static final class Columns {
        private final List<List<String>> columns = new ArrayList<>();

        Columns(int count) {
            for (int i = 0; i < count; i++) {
                columns.add(new ArrayList<>());
            }
        }

        void add(String... values) {
            for (int i = 0; i < values.length; i++) {
                columns.get(i).add(values[i]);
            }
        }

        boolean isEmpty() {
            return columns.get(0).isEmpty();
        }

        Object[] arrays() {
            return columns.stream().map(c -> c.toArray(String[]::new)).toArray();
        }
    }

    /** Keeps a new evaluation and makes it the referral's latest; the status may change with it. */
    void recordEvaluation(UUID id, ReferralStatus status, Eligibility eligibility, String purpose, String by, Instant at) {
        jdbc.sql("""
                        INSERT INTO referral_evaluation (referral_id, purpose, evaluated_on, evaluated_at, evaluated_by,
                                                         eligible, findings)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, purpose, eligibility.evaluatedOn(), at.atOffset(ZoneOffset.UTC), by, eligibility.eligible(),
                        write(eligibility.findings()))
                .update();
        jdbc.sql("UPDATE referral SET status = ?, eligible = ?, eligibility = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), eligibility.eligible(), write(eligibility), at.atOffset(ZoneOffset.UTC), id)
                .update();
    }

    void recordDecision(UUID id, ReferralStatus status, String decision, String reason, String by, Instant at) {
        jdbc.sql("""
                        UPDATE referral SET status = ?, decision = ?, decision_reason = ?, decided_by = ?, decided_at = ?,
                                            updated_at = ?
                        WHERE id = ?""")
                .params(status.name(), decision, reason, by, at.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC), id)
                .update();
    }

    void recordWithdrawal(UUID id, String reason, String by, Instant at) {
        jdbc.sql("""
                        UPDATE referral SET status = 'WITHDRAWN', withdrawal_reason = ?, withdrawn_by = ?, withdrawn_at = ?,
                                            updated_at = ?
                        WHERE id = ?""")
                .params(reason, by, at.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC), id)
                .update();
    }

    void markInTransit(UUID id, UUID manifestId, Instant at) {
        jdbc.sql("UPDATE referral SET status = 'IN_TRANSIT', manifest_id = ?, updated_at = ? WHERE id = ?")
                .params(manifestId, at.atOffset(ZoneOffset.UTC), id).update();
    }

    void markAdmitted(UUID id, String prisonerNumber, Instant at) {
        jdbc.sql("UPDATE referral SET status = 'ADMITTED', prisoner_number = ?, updated_at = ? WHERE id = ?")
                .params(prisonerNumber, at.atOffset(ZoneOffset.UTC), id).update();
    }

    void markHandoverRefused(UUID id, String reason, Instant at) {
        jdbc.sql("UPDATE referral SET status = 'HANDOVER_REFUSED', handover_refused_reason = ?, updated_at = ? WHERE id = ?")
                .params(reason, at.atOffset(ZoneOffset.UTC), id).update();
    }

    /** A person recorded from a custody history is released: the referral stays MIGRATED, its place is free again. */
    void markMigratedReleased(UUID id, Instant releasedAt, Instant at) {
        jdbc.sql("UPDATE referral SET released_at = ?, updated_at = ? WHERE id = ? AND status = 'MIGRATED'")
                .params(releasedAt.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC), id).update();
    }

    void markReleased(UUID id, Instant releasedAt, Instant at) {
        jdbc.sql("UPDATE referral SET status = 'RELEASED', released_at = ?, updated_at = ? WHERE id = ?")
                .params(releasedAt.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC), id).update();
    }

    // --- reading ---

    Optional<ReferralSnapshot> find(UUID id) {
        return jdbc.sql("SELECT * FROM referral WHERE id = ?").param(id).query(this::snapshot).optional();
    }

    /** Locks the referral's row until the transaction ends: decisions and transitions on it take turns. */
    Optional<ReferralSnapshot> findForUpdate(UUID id) {
        return jdbc.sql("SELECT * FROM referral WHERE id = ? FOR UPDATE").param(id).query(this::snapshot)
                .optional();
    }

    List<ReferralSnapshot> findByStatus(String agreementCode, ReferralStatus status) {
        return jdbc.sql("SELECT * FROM referral WHERE agreement_code = ? AND status = ? ORDER BY submitted_at, id")
                .params(agreementCode, status.name()).query(this::snapshot).list();
    }

    boolean isVisible(UUID id, Scope scope) {
        List<Object> params = new ArrayList<>();
        params.add(id);
        String where = scopeClause(scope, params);
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM referral r WHERE r.id = ?" + where + ")").params(params)
                .query(Boolean.class).single();
    }

    /** The live referrals carrying any of these identity keys. */
    List<IdentityRegistry.Holder> liveHolders(Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT k.identity_key, r.id, r.external_reference, r.agreement_code, r.status
                        FROM referral_identity_key k JOIN referral r ON r.id = k.referral_id
                        WHERE k.identity_key = ANY (?) AND """ + LIVE)
                .param(keys.toArray(String[]::new))
                .query((rs, n) -> new IdentityRegistry.Holder(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        ReferralStatus.valueOf(rs.getString(5)), rs.getString(1)))
                .list();
    }

    /** Which of these external references already have a live referral under the agreement. */
    Set<String> liveReferences(String agreementCode, Collection<String> references) {
        if (references.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT external_reference FROM referral r WHERE agreement_code = ? "
                        + "AND external_reference = ANY (?) AND " + LIVE)
                .param(agreementCode).param(references.toArray(String[]::new))
                .query(String.class).list());
    }

    Optional<UUID> liveReference(String agreementCode, String reference) {
        return jdbc.sql("SELECT id FROM referral r WHERE agreement_code = ? AND external_reference = ? AND " + LIVE)
                .params(agreementCode, reference).query(UUID.class).optional();
    }

    int countHoldingQuota(String agreementCode) {
        return jdbc.sql("SELECT count(*) FROM referral r WHERE agreement_code = ? AND " + HOLDING_QUOTA)
                .param(agreementCode).query(Integer.class).single();
    }

    List<Eligibility> evaluations(UUID id) {
        return jdbc.sql("SELECT evaluated_on, eligible, findings FROM referral_evaluation WHERE referral_id = ? ORDER BY id")
                .param(id)
                .query((rs, n) -> new Eligibility(rs.getBoolean(2), rs.getObject(1, java.time.LocalDate.class),
                        List.of(json.readValue(rs.getString(3), org.custodia.referral.Finding[].class))))
                .list();
    }

    /** The referrals matching, counted no further than {@code limit}. */
    long countUpTo(Filter filter, Scope scope, long limit) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, scope, params);
        params.add(limit);
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM referral r WHERE TRUE" + where + " LIMIT ?) t").params(params)
                .query(Long.class).single();
    }

    List<Summary> search(Filter filter, Scope scope, int page, int size) {
        List<Object> params = new ArrayList<>();
        String where = where(filter, scope, params);
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql("""
                        SELECT r.id, r.status, r.agreement_code, r.external_reference, r.given_names, r.family_names,
                               r.affiliation, r.eligible, r.submitted_at,
                               (SELECT string_agg(n.nationality, ',' ORDER BY n.nationality)
                                FROM referral_nationality n WHERE n.referral_id = r.id) AS nationalities
                        FROM referral r WHERE TRUE""" + where + " ORDER BY r.submitted_at DESC, r.id LIMIT ? OFFSET ?")
                .params(params)
                .query((rs, n) -> new Summary(rs.getObject("id", UUID.class), ReferralStatus.valueOf(rs.getString("status")),
                        rs.getString("agreement_code"), rs.getString("external_reference"), rs.getString("given_names"),
                        rs.getString("family_names"),
                        rs.getString("nationalities") == null ? List.of() : List.of(rs.getString("nationalities").split(",")),
                        rs.getString("affiliation"), rs.getBoolean("eligible"),
                        rs.getObject("submitted_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** How many referrals stand in each status (every status, zero included), within the filter and scope. */
    Map<ReferralStatus, Long> countByStatus(Filter filter, Scope scope) {
        List<Object> params = new ArrayList<>();
        String where = where(new Filter(null, filter.agreementCode(), filter.nationality(), filter.affiliation()), scope,
                params);
        Map<ReferralStatus, Long> counts = new EnumMap<>(ReferralStatus.class);
        for (ReferralStatus s : ReferralStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("SELECT r.status, count(*) FROM referral r WHERE TRUE" + where + " GROUP BY r.status").params(params)
                .query((rs, n) -> counts.put(ReferralStatus.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    private static String where(Filter f, Scope scope, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (f.status() != null) {
            sql.append(" AND r.status = ?");
            params.add(f.status().name());
        }
        if (f.agreementCode() != null) {
            sql.append(" AND r.agreement_code = ?");
            params.add(f.agreementCode());
        }
        if (f.nationality() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM referral_nationality n WHERE n.referral_id = r.id AND n.nationality = ?)");
            params.add(f.nationality());
        }
        if (f.affiliation() != null) {
            sql.append(" AND r.affiliation = ?");
            params.add(f.affiliation());
        }
        sql.append(scopeClause(scope, params));
        return sql.toString();
    }

    private static String scopeClause(Scope scope, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (scope.sendingParty() != null) {
            sql.append(" AND r.sending_party = ?");
            params.add(scope.sendingParty());
        }
        if (scope.nationality() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM referral_nationality sn WHERE sn.referral_id = r.id AND sn.nationality = ?)");
            params.add(scope.nationality());
        }
        return sql.toString();
    }

    private ReferralSnapshot snapshot(ResultSet rs, int n) throws SQLException {
        Dossier dossier = json.readValue(rs.getString("dossier"), Dossier.class);
        Eligibility eligibility = json.readValue(rs.getString("eligibility"), Eligibility.class);
        ReferralSnapshot.Decision decision = rs.getString("decision") == null ? null
                : new ReferralSnapshot.Decision(rs.getString("decision"), rs.getString("decision_reason"),
                rs.getString("decided_by"), instant(rs, "decided_at"));
        ReferralSnapshot.Withdrawal withdrawal = rs.getString("withdrawn_by") == null ? null
                : new ReferralSnapshot.Withdrawal(rs.getString("withdrawal_reason"), rs.getString("withdrawn_by"),
                instant(rs, "withdrawn_at"));
        return new ReferralSnapshot(rs.getObject("id", UUID.class), ReferralStatus.valueOf(rs.getString("status")),
                rs.getString("agreement_code"), rs.getString("sending_party"), dossier, eligibility,
                rs.getString("submitted_by"), instant(rs, "submitted_at"), decision, withdrawal,
                rs.getObject("manifest_id", UUID.class), rs.getString("prisoner_number"),
                rs.getString("handover_refused_reason"), instant(rs, "released_at"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String affiliationOf(Dossier d) {
        GangAffiliation a = d.gangAffiliation();
        return a == null || a.group() == null ? null : a.group().name();
    }

    static String write(Object value) {
        return CanonicalJson.write(value);
    }
}
