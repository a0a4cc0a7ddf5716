package org.custodia.custody.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodia.common.ApiException;
import org.custodia.custody.CustodyProblem;
import org.custodia.custody.HousedPrisoner;
import org.custodia.custody.PrisonerCells;
import org.custodia.facility.BedsInUse;
import org.custodia.ledger.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The cell on the file, for housing; the beds in use per cell, for the facility's structure edits. */
@Service
class CellRecords implements PrisonerCells, BedsInUse {

    private static final String COLUMNS = """
            SELECT id, prisoner_number, referral_id, agreement_code, facility_code, status, cell_code, module_code,
                   given_names, family_names, sex, date_of_birth, jsonb_array_length(convictions) > 0 AS convicted,
                   gang_group, security_level
            FROM prisoner""";

    private final JdbcClient jdbc;
    private final PrisonerStore store;
    private final FileWriter file;
    private final Ledger ledger;
    private final CustodyTime time;

    CellRecords(JdbcClient jdbc, PrisonerStore store, FileWriter file, Ledger ledger, CustodyTime time) {
        this.jdbc = jdbc;
        this.store = store;
        this.file = file;
        this.ledger = ledger;
        this.time = time;
    }

    private static HousedPrisoner map(ResultSet rs, int n) throws SQLException {
        return new HousedPrisoner(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getObject(12, java.time.LocalDate.class), rs.getBoolean(13),
                rs.getString(14), rs.getString(15));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<HousedPrisoner> find(String prisonerNumber) {
        return jdbc.sql(COLUMNS + " WHERE prisoner_number = ?").param(prisonerNumber).query(CellRecords::map).optional();
    }

    @Override
    @Transactional
    public Optional<HousedPrisoner> lock(String prisonerNumber) {
        return jdbc.sql(COLUMNS + " WHERE prisoner_number = ? FOR UPDATE").param(prisonerNumber)
                .query(CellRecords::map).optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<HousedPrisoner> findAll(Collection<String> prisonerNumbers) {
        if (prisonerNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(COLUMNS + " WHERE prisoner_number = ANY (?)").param(prisonerNumbers.toArray(String[]::new))
                .query(CellRecords::map).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<HousedPrisoner> onRoll(String facilityCode) {
        return jdbc.sql(COLUMNS + " WHERE facility_code = ? AND status <> 'RELEASED'").param(facilityCode)
                .query(CellRecords::map).list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CellCount> countsByCell(String facilityCode) {
        return jdbc.sql("""
                        SELECT cell_code, gang_group, count(*) FROM prisoner
                        WHERE facility_code = ? AND status <> 'RELEASED' AND cell_code IS NOT NULL
                        GROUP BY cell_code, gang_group""")
                .param(facilityCode)
                .query((rs, n) -> new CellCount(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    @Override
    @Transactional
    public CellRecorded recordCell(String prisonerNumber, String cell, String module, String reason, Instant occurredAt,
                                   String recordedBy) {
        PrisonerRecord p = store.lockByNumber(prisonerNumber).orElseThrow(() -> PrisonerService.notFound(prisonerNumber));
        if (p.isReleased()) {
            throw new ApiException(CustodyProblem.PRISONER_RELEASED, "Prisoner " + prisonerNumber
                    + " was released; the file is read-only");
        }
        Instant at = occurredAt == null ? time.now() : occurredAt;
        store.updateCell(p.id(), cell, module);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("from", p.cell());
        details.put("to", cell);
        details.put("module", module);
        details.put("reason", reason);
        FileEvent event = file.append(p, "CELL_MOVE", at, recordedBy, details, null, false);
        Map<String, Object> payload = new LinkedHashMap<>(details);
        payload.put("eventId", event.id());
        payload.put("occurredAt", at);
        ledger.append("PRISONER_CELL_MOVED", "PRISONER", p.number(), payload);
        return new CellRecorded(p.number(), cell, module, p.cell(), at);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Integer> byCell(String facilityCode) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        store.cellCounts(facilityCode).forEach((cell, c) -> counts.put(cell, c[0]));
        return counts;
    }
}
