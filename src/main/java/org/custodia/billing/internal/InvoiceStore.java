package org.custodia.billing.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invoices, their lines, disputes, payments and reconciliations. Lines are written with one statement. */
@Repository
class InvoiceStore {

    private final JdbcClient jdbc;

    InvoiceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record InvoiceRow(UUID id, String number, String agreementCode, String period, String status, String currency,
                      LocalDate firstDay, LocalDate lastDay, BigDecimal total, Instant issuedAt, LocalDate issuedOn,
                      String issuedBy) {
    }

    record LineRow(int lineNo, LineDraft line) {
    }

    record UpheldDispute(UUID id, String invoiceNumber, int lineNo, LineDraft line, BigDecimal credit, String resolution) {
    }

    record DisputeRow(UUID id, String invoiceNumber, int lineNo, String agreementCode, BigDecimal amount, String reason,
                      String status, String raisedBy, Instant raisedAt, String resolution, BigDecimal credit,
                      String resolvedBy, Instant resolvedAt, String appliedInvoice, Integer appliedLine) {
    }

    record PaymentRow(UUID id, String invoiceNumber, BigDecimal amount, LocalDate paidOn, String reference,
                      String recordedBy, Instant recordedAt) {
    }

    // --- locks

    /** Runs of one agreement and month take turns; a second waits and then finds the first one's invoice. */
    void lockRun(String agreementCode, String period) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("custodia.billing.run:" + agreementCode + ":" + period)
                .query((rs, n) -> 1).list();
    }

    /** Money movements of one invoice take turns (payments against the balance, disputes of its lines). */
    void lockInvoice(String number) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("custodia.billing.invoice:" + number)
                .query((rs, n) -> 1).list();
    }

    // --- invoices

    Optional<InvoiceRow> find(String agreementCode, String period) {
        return jdbc.sql("SELECT * FROM invoice WHERE agreement_code = ? AND period = ?").params(agreementCode, period)
                .query(InvoiceStore::invoice).optional();
    }

    Optional<InvoiceRow> findByNumber(String number) {
        return jdbc.sql("SELECT * FROM invoice WHERE number = ?").param(number).query(InvoiceStore::invoice).optional();
    }

    List<InvoiceRow> list(List<String> agreementCodes) {
        return jdbc.sql("SELECT * FROM invoice WHERE agreement_code = ANY (?) ORDER BY period DESC, agreement_code")
                .param(agreementCodes.toArray(String[]::new)).query(InvoiceStore::invoice).list();
    }

    /** One page of the agreements' invoices, newest month first: at most {@code limit} rows from {@code offset}. */
    List<InvoiceRow> page(List<String> agreementCodes, int offset, int limit) {
        return jdbc.sql("SELECT * FROM invoice WHERE agreement_code = ANY (?) ORDER BY period DESC, agreement_code"
                        + " LIMIT ? OFFSET ?")
                .params(agreementCodes.toArray(String[]::new), limit, offset).query(InvoiceStore::invoice).list();
    }

    List<InvoiceRow> ofYear(int year) {
        return jdbc.sql("SELECT * FROM invoice WHERE period LIKE ? ORDER BY period").param(year + "-%")
                .query(InvoiceStore::invoice).list();
    }

    /** The invoice was compared with the record (issued, or its month billed again) at this moment and version. */
    void checked(UUID invoiceId, Instant at, int agreementVersion) {
        jdbc.sql("""
                        INSERT INTO invoice_check (invoice_id, checked_at, agreement_version) VALUES (?, ?, ?)
                        ON CONFLICT (invoice_id) DO UPDATE SET checked_at = excluded.checked_at,
                                                              agreement_version = excluded.agreement_version""")
                .params(invoiceId, at.atOffset(ZoneOffset.UTC), agreementVersion).update();
    }

    /**
     * The issued invoices before a month whose month must be billed again: the agreement's version changed since
     * they were last checked, or custody recorded (an hour's margin for transactions still open then) an admission,
     * release or reclassification taking effect before the month's end (custody's {@code custody_changed_since}).
     */
    List<InvoiceRow> toRecheck(String agreementCode, String period, int agreementVersion, String zone) {
        return jdbc.sql("""
                        SELECT i.* FROM invoice i JOIN invoice_check c ON c.invoice_id = i.id
                        WHERE i.agreement_code = ? AND i.period < ? AND i.status = 'ISSUED'
                          AND (c.agreement_version <> ?
                               OR custody_changed_since(i.agreement_code, c.checked_at - interval '1 hour',
                                                        ((i.last_day + 1)::timestamp AT TIME ZONE ?)))
                        ORDER BY i.period""")
                .params(agreementCode, period, agreementVersion, zone).query(InvoiceStore::invoice).list();
    }

    List<LineRow> lines(UUID invoiceId) {
        return jdbc.sql("SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY line_no").param(invoiceId)
                .query((rs, n) -> new LineRow(rs.getInt("line_no"), line(rs))).list();
    }

    /** The lines numbered from..from+count-1. */
    List<LineRow> lines(UUID invoiceId, long from, int count) {
        return jdbc.sql("""
                        SELECT * FROM invoice_lines WHERE invoice_id = ? AND block BETWEEN ? AND ? AND line_no BETWEEN ? AND ?
                        ORDER BY line_no""")
                .params(invoiceId, (from - 1) / ChargesSql.BLOCK, (from + count - 2) / ChargesSql.BLOCK, from,
                        from + count - 1)
                .query((rs, n) -> new LineRow(rs.getInt("line_no"), line(rs))).list();
    }

    /** The hash of the stored lines, as {@link ChargesSql#SHA} defines it (what the run recorded in the ledger). */
    String linesSha256(UUID invoiceId) {
        return jdbc.sql("SELECT " + ChargesSql.SHA + " FROM invoice_lines n WHERE n.invoice_id = ?").param(invoiceId)
                .query(String.class).single();
    }

    Optional<LineRow> line(String invoiceNumber, int lineNo) {
        return jdbc.sql("""
                        SELECT l.* FROM invoice_lines l JOIN invoice i ON i.id = l.invoice_id
                        WHERE i.number = ? AND l.block = ? AND l.line_no = ?""")
                .params(invoiceNumber, (lineNo - 1) / ChargesSql.BLOCK, lineNo)
                .query((rs, n) -> new LineRow(rs.getInt("line_no"), line(rs))).optional();
    }

    int lineCount(UUID invoiceId) {
        return jdbc.sql("""
                        SELECT coalesce((SELECT sum(cardinality(lines)) FROM invoice_charges WHERE invoice_id = ?), 0)::int
                               + (SELECT count(*) FROM invoice_line WHERE invoice_id = ?)::int""")
                .params(invoiceId, invoiceId).query(Integer.class).single();
    }

    /** The CUSTODY_DAYS lines of an invoice summed: days and amount. */
    record CustodyTotals(long days, BigDecimal amount) {
    }

    CustodyTotals custodyTotals(UUID invoiceId) {
        return jdbc.sql("SELECT coalesce(sum(days), 0), coalesce(sum(amount), 0) FROM invoice_lines "
                        + "WHERE invoice_id = ? AND kind = 'CUSTODY_DAYS'")
                .param(invoiceId).query((rs, n) -> new CustodyTotals(rs.getLong(1), rs.getBigDecimal(2))).single();
    }

    /** The recomputation adjustments already made to an invoice, on later invoices. */
    List<LineDraft> recomputationsOf(String invoiceNumber) {
        return jdbc.sql("SELECT * FROM invoice_line WHERE corrects_invoice = ? AND adjustment_source = 'RECOMPUTATION'")
                .param(invoiceNumber).query((rs, n) -> line(rs)).list();
    }

    // --- disputes

    void insertDispute(DisputeRow d) {
        jdbc.sql("""
                        INSERT INTO dispute (id, invoice_number, line_no, agreement_code, amount, reason, status, raised_by,
                                             raised_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(d.id(), d.invoiceNumber(), d.lineNo(), d.agreementCode(), d.amount(), d.reason(), d.raisedBy(),
                        d.raisedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    Optional<DisputeRow> dispute(UUID id, boolean forUpdate) {
        return jdbc.sql("SELECT * FROM dispute WHERE id = ?" + (forUpdate ? " FOR UPDATE" : "")).param(id)
                .query(InvoiceStore::dispute).optional();
    }

    boolean openDispute(String invoiceNumber, int lineNo) {
        return jdbc.sql("SELECT count(*) FROM dispute WHERE invoice_number = ? AND line_no = ? AND status = 'OPEN'")
                .params(invoiceNumber, lineNo).query(Long.class).single() > 0;
    }

    List<DisputeRow> disputes(List<String> agreementCodes, String status, String invoiceNumber) {
        return jdbc.sql("""
                        SELECT * FROM dispute WHERE agreement_code = ANY (?) AND (?::text IS NULL OR status = ?)
                        AND (?::text IS NULL OR invoice_number = ?) ORDER BY raised_at DESC""")
                .params(agreementCodes.toArray(String[]::new), status, status, invoiceNumber, invoiceNumber)
                .query(InvoiceStore::dispute).list();
    }

    void resolveDispute(UUID id, String status, String resolution, BigDecimal credit, String by, Instant at) {
        jdbc.sql("""
                        UPDATE dispute SET status = ?, resolution = ?, credit = ?, resolved_by = ?, resolved_at = ?
                        WHERE id = ?""")
                .params(status, resolution, credit, by, at.atOffset(ZoneOffset.UTC), id).update();
    }

    List<UpheldDispute> upheldNotCredited(String agreementCode) {
        return jdbc.sql(("""
                        SELECT d.id, d.invoice_number, d.line_no, d.credit, d.resolution, l.*
                        FROM dispute d JOIN invoice i ON i.number = d.invoice_number
                        JOIN invoice_lines l ON l.invoice_id = i.id AND l.block = (d.line_no - 1) / %d AND l.line_no = d.line_no
                        WHERE d.agreement_code = ? AND d.status = 'UPHELD' AND d.applied_invoice IS NULL
                        ORDER BY d.resolved_at""").formatted(ChargesSql.BLOCK)).param(agreementCode)
                .query((rs, n) -> new UpheldDispute(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), line(rs),
                        rs.getBigDecimal(4), rs.getString(5)))
                .list();
    }

    void markCredited(UUID disputeId, String invoiceNumber, int lineNo) {
        jdbc.sql("UPDATE dispute SET applied_invoice = ?, applied_line = ? WHERE id = ?")
                .params(invoiceNumber, lineNo, disputeId).update();
    }

    // --- payments

    void insertPayment(PaymentRow p) {
        jdbc.sql("""
                        INSERT INTO payment (id, invoice_number, amount, paid_on, reference, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(p.id(), p.invoiceNumber(), p.amount(), p.paidOn(), p.reference(), p.recordedBy(),
                        p.recordedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    List<PaymentRow> payments(String invoiceNumber) {
        return jdbc.sql("SELECT * FROM payment WHERE invoice_number = ? ORDER BY paid_on, recorded_at").param(invoiceNumber)
                .query((rs, n) -> new PaymentRow(rs.getObject("id", UUID.class), rs.getString("invoice_number"),
                        rs.getBigDecimal("amount"), rs.getObject("paid_on", LocalDate.class), rs.getString("reference"),
                        rs.getString("recorded_by"), instant(rs, "recorded_at")))
                .list();
    }

    BigDecimal paid(String invoiceNumber) {
        return jdbc.sql("SELECT coalesce(sum(amount), 0) FROM payment WHERE invoice_number = ?").param(invoiceNumber)
                .query(BigDecimal.class).single();
    }

    // --- reconciliations

    void insertReconciliation(UUID id, String invoiceNumber, String by, Instant at, String resultJson) {
        jdbc.sql("""
                        INSERT INTO reconciliation (id, invoice_number, submitted_by, submitted_at, result)
                        VALUES (?, ?, ?, ?, ?::jsonb)""")
                .params(id, invoiceNumber, by, at.atOffset(ZoneOffset.UTC), resultJson).update();
    }

    Optional<String> latestReconciliation(String invoiceNumber) {
        return jdbc.sql("SELECT result::text FROM reconciliation WHERE invoice_number = ? ORDER BY submitted_at DESC LIMIT 1")
                .param(invoiceNumber).query(String.class).optional();
    }

    // --- mapping

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static InvoiceRow invoice(ResultSet rs, int n) throws SQLException {
        return new InvoiceRow(rs.getObject("id", UUID.class), rs.getString("number"), rs.getString("agreement_code"),
                rs.getString("period"), rs.getString("status"), rs.getString("currency"),
                rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
                rs.getBigDecimal("total"), instant(rs, "issued_at"), rs.getObject("issued_on", LocalDate.class),
                rs.getString("issued_by"));
    }

    private static LineDraft line(ResultSet rs) throws SQLException {
        Integer days = (Integer) rs.getObject("days");
        Integer corrects = (Integer) rs.getObject("corrects_line");
        return new LineDraft(rs.getString("kind"), rs.getString("prisoner_number"), rs.getString("external_reference"),
                rs.getString("security_level"), rs.getObject("first_day", LocalDate.class),
                rs.getObject("last_day", LocalDate.class), days, rs.getBigDecimal("rate"), rs.getBigDecimal("amount"),
                rs.getString("adjusts_kind"), rs.getString("corrects_invoice"), corrects, rs.getString("adjustment_source"),
                rs.getString("reason"), rs.getObject("admission_event", UUID.class), rs.getObject("release_event", UUID.class));
    }

    private static DisputeRow dispute(ResultSet rs, int n) throws SQLException {
        Integer applied = (Integer) rs.getObject("applied_line");
        return new DisputeRow(rs.getObject("id", UUID.class), rs.getString("invoice_number"), rs.getInt("line_no"),
                rs.getString("agreement_code"), rs.getBigDecimal("amount"), rs.getString("reason"), rs.getString("status"),
                rs.getString("raised_by"), instant(rs, "raised_at"), rs.getString("resolution"), rs.getBigDecimal("credit"),
                rs.getString("resolved_by"), instant(rs, "resolved_at"), rs.getString("applied_invoice"), applied);
    }

}
