package org.custodia.billing.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.custodia.agreement.Agreement;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The charges of a stretch of days (the CUSTODY_DAYS and INTAKE_FEE rules, each written in its own class as SQL)
 * computed inside PostgreSQL over custody's {@code custody_stays}: read back as lines for a preview or a
 * recomputation, or, for a run, numbered, written with the invoice, totalled and hashed by one statement, so that
 * 40,000 lines never travel to the application and back.
 */
@Component
class ChargesSql {

    /** Line order: prisoner number (code-point order, as Java compares strings), custody days before the intake fee, first day. */
    private static final String ORDER = "c.prisoner_number COLLATE \"C\", c.kind = 'INTAKE_FEE', c.first_day";

    /** The lines of a block of {@code invoice_charges} (V64): block k holds lines k × 250 + 1 to k × 250 + 250. */
    static final int BLOCK = 250;

    /** The columns of a line after the invoice id, in the table's order. */
    private static final String COLUMNS = "line_no, kind, prisoner_number, external_reference, security_level, first_day, "
            + "last_day, days, rate, amount, adjusts_kind, corrects_invoice, corrects_line, adjustment_source, reason, "
            + "admission_event, release_event";

    private static final String HEAD = """
            WITH s AS (
              SELECT * FROM custody_stays(?, ?, ?::date, ?::date)
            ), w AS (
              SELECT * FROM unnest(?::date[], ?::date[], ?::text[], ?::numeric[]) AS u(first_day, last_day, level, rate)
            ), f AS (
              SELECT * FROM unnest(?::date[], ?::date[], ?::numeric[]) WITH ORDINALITY AS u(eff_from, eff_to, amount, ord)
            ), c AS (
            """ + CustodyDaysRule.SQL + "\nUNION ALL\n" + IntakeFeeRule.SQL + "\n)\n";

    private final JdbcClient jdbc;
    private final CustodyDaysRule custody;

    ChargesSql(JdbcClient jdbc, CustodyDaysRule custody) {
        this.jdbc = jdbc;
        this.custody = custody;
    }

    private List<Object> head(Agreement agreement, String zone, LocalDate first, LocalDate last) {
        List<Object> p = new ArrayList<>(List.of(agreement.code(), zone, first.toString(), last.toString()));
        p.addAll(Arrays.asList(CustodyDaysRule.parameters(custody.windows(agreement, first, last))));
        p.addAll(Arrays.asList(IntakeFeeRule.parameters(agreement)));
        p.add(first.toString());
        p.add(last.toString());
        return p;
    }

    /** The charges of the days first..last, in line order (a preview, or a month billed again to compare). */
    List<LineDraft> lines(Agreement agreement, String zone, LocalDate first, LocalDate last) {
        return jdbc.sql(HEAD + "SELECT c.* FROM c ORDER BY " + ORDER).params(head(agreement, zone, first, last))
                .query((rs, n) -> new LineDraft(rs.getString("kind"), rs.getString("prisoner_number"),
                        rs.getString("external_reference"), rs.getString("security_level"),
                        rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
                        (Integer) rs.getObject("days"), LineDraft.money(rs.getBigDecimal("rate")),
                        LineDraft.money(rs.getBigDecimal("amount")), null, null, null, null, null,
                        rs.getObject("admission_event", UUID.class), rs.getObject("release_event", UUID.class)))
                .list();
    }

    /**
     * What one statement wrote.
     *
     * @param charges the CUSTODY_DAYS and INTAKE_FEE lines, numbered 1..charges; the adjustments follow
     * @param linesSha256 see {@link #SHA}
     */
    record Issued(int lines, int charges, BigDecimal total, String linesSha256) {
    }

    /**
     * The SHA-256 the ledger records for an invoice's lines, computed over the lines as written: one row per line in
     * line order, each ending in a newline, of the columns kind, prisoner number, reference, level, first and last day,
     * days, rate, amount, adjusted kind, corrected invoice and line, source, reason, admission and release event, comma
     * separated, each in double quotes (a quote inside doubled) or empty when null; dates ISO, money with two
     * decimals, ids lower case. {@code InvoiceLinesHash} in the tests recomputes it from the invoice's JSON.
     */
    static final String SHA = "encode(sha256(convert_to(coalesce(string_agg("
            + String.join(" || ',' || ", Arrays.stream(COLUMNS.split(", ")).skip(1).map(ChargesSql::quoted).toList())
            + " || E'\\n', '' ORDER BY n.line_no), ''), 'UTF8')), 'hex')";

    private static String quoted(String column) {
        return "coalesce('\"' || replace(n." + column + "::text, '\"', '\"\"') || '\"', '')";
    }

    /**
     * Issues the invoice: its row and every line (the charges of the month, then the adjustments given) in one
     * statement; the total is the sum of the lines. The charges are written as rows of {@code invoice_charges} (arrays
     * of {@link #BLOCK} lines), the adjustments as rows of {@code invoice_line}; {@code invoice_lines} reads both.
     */
    Issued issue(InvoiceStore.InvoiceRow invoice, Agreement agreement, String zone, List<LineDraft> adjustments) {
        // the month's lines are sorted twice (numbered, hashed): in memory, not in temporary files (the default 4 MB
        // spills 40,000 lines to disk); for this transaction only
        jdbc.sql("SET LOCAL work_mem = '64MB'").update();
        List<Object> p = head(agreement, zone, invoice.firstDay(), invoice.lastDay());
        List<Function<LineDraft, Object>> columns = List.of(LineDraft::prisonerNumber, LineDraft::externalReference,
                LineDraft::securityLevel, LineDraft::firstDay, LineDraft::lastDay, LineDraft::days, LineDraft::rate,
                LineDraft::amount, LineDraft::adjustsKind, LineDraft::correctsInvoice, LineDraft::correctsLine,
                LineDraft::adjustmentSource, LineDraft::reason, LineDraft::admissionEvent, LineDraft::releaseEvent);
        for (Function<LineDraft, Object> column : columns) {
            p.add(adjustments.stream().map(column).map(ChargesSql::text).toArray(String[]::new));
        }
        p.addAll(Arrays.asList(invoice.id(), invoice.number(), invoice.agreementCode(), invoice.period(),
                invoice.currency(), invoice.firstDay(), invoice.lastDay(), invoice.issuedAt().atOffset(ZoneOffset.UTC),
                invoice.issuedOn(), invoice.issuedBy(), invoice.id(), invoice.id()));
        String sql = HEAD + """
                , n AS (
                  SELECT (row_number() OVER (ORDER BY %s))::int AS line_no, c.kind, c.prisoner_number,
                         c.external_reference, c.security_level, c.first_day, c.last_day, c.days,
                         c.rate::numeric(14, 2) AS rate, c.amount::numeric(16, 2) AS amount, NULL::text AS adjusts_kind,
                         NULL::text AS corrects_invoice, NULL::int AS corrects_line, NULL::text AS adjustment_source,
                         NULL::text AS reason, c.admission_event, c.release_event
                  FROM c
                  UNION ALL
                  SELECT (SELECT count(*) FROM c)::int + a.ord::int, 'ADJUSTMENT', a.prisoner_number,
                         a.external_reference, a.security_level, a.first_day, a.last_day, a.days,
                         a.rate::numeric(14, 2), a.amount::numeric(16, 2), a.adjusts_kind, a.corrects_invoice,
                         a.corrects_line, a.adjustment_source, a.reason, a.admission_event, a.release_event
                  FROM unnest(?::text[], ?::text[], ?::text[], ?::date[], ?::date[], ?::int[], ?::numeric[], ?::numeric[],
                              ?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::uuid[], ?::uuid[])
                       WITH ORDINALITY AS a(prisoner_number, external_reference, security_level, first_day, last_day, days,
                                            rate, amount, adjusts_kind, corrects_invoice, corrects_line,
                                            adjustment_source, reason, admission_event, release_event, ord)
                ), inv AS (
                  INSERT INTO invoice (id, number, agreement_code, period, status, currency, first_day, last_day, total,
                                       issued_at, issued_on, issued_by)
                  SELECT ?, ?, ?, ?, 'ISSUED', ?, ?, ?, coalesce(sum(n.amount), 0), ?, ?, ? FROM n
                  RETURNING total
                ), charges AS (
                  INSERT INTO invoice_charges (invoice_id, block, lines)
                  SELECT ?, (n.line_no - 1) / %d, array_agg(ROW(%s)::invoice_line_row ORDER BY n.line_no)
                  FROM n WHERE n.kind <> 'ADJUSTMENT'
                  GROUP BY (n.line_no - 1) / %d
                  RETURNING cardinality(lines) AS lines
                ), adjusted AS (
                  INSERT INTO invoice_line (invoice_id, %s)
                  SELECT ?, %s FROM n WHERE n.kind = 'ADJUSTMENT'
                  RETURNING 1
                )
                SELECT (SELECT coalesce(sum(lines), 0) FROM charges)::int + (SELECT count(*) FROM adjusted)::int AS lines,
                       (SELECT coalesce(sum(lines), 0) FROM charges)::int AS charges, (SELECT total FROM inv) AS total,
                       %s AS sha
                FROM n""".formatted(ORDER, BLOCK, COLUMNS, BLOCK, COLUMNS, COLUMNS, SHA);
        return jdbc.sql(sql).params(p).query(ChargesSql::issued).single();
    }

    private static Issued issued(ResultSet rs, int n) throws SQLException {
        return new Issued(rs.getInt("lines"), rs.getInt("charges"), rs.getBigDecimal("total"), rs.getString("sha"));
    }

    private static String text(Object value) {
        return value == null ? null : value instanceof BigDecimal d ? d.toPlainString() : value.toString();
    }
}
