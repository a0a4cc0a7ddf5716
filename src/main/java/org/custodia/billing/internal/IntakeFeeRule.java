package org.custodia.billing.internal;

import java.util.List;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.Fee;
import org.custodia.agreement.FeeKind;

/**
 * INTAKE_FEE: once per admission, in the month of the admission date (a local date), at the intake fee in force that
 * day (the first of the schedule's if two overlap). Written in SQL over the stays {@code s} and the intake fees
 * {@code f} (eff_from, eff_to, amount, ord), for the days {@code first}..{@code last} of the statement.
 */
final class IntakeFeeRule {

    private IntakeFeeRule() {
    }

    /** Needs two parameters after the fees: the first and the last day billed. */
    static final String SQL = """
            SELECT * FROM (
              SELECT DISTINCT ON (s.prisoner_id) 'INTAKE_FEE' AS kind, s.prisoner_number, s.external_reference,
                     s.security_level, s.admitted_on AS first_day, s.admitted_on AS last_day, NULL::int AS days,
                     f.amount AS rate, f.amount AS amount, s.admission_event, NULL::uuid AS release_event
              FROM s JOIN f ON s.admitted_on >= f.eff_from AND (f.eff_to IS NULL OR s.admitted_on <= f.eff_to)
              WHERE s.admitted_on BETWEEN ?::date AND ?::date
              ORDER BY s.prisoner_id, f.ord, s.level_from NULLS FIRST
            ) intake""";

    /** The intake fees of the schedule as the statement's text arrays (cast there): effective from, to (null: open), amount. */
    static Object[] parameters(Agreement agreement) {
        List<Fee> fees = agreement.feeSchedule().stream().filter(f -> f.kind() == FeeKind.INTAKE_FEE).toList();
        return new Object[] {
                fees.stream().map(f -> f.effectiveFrom().toString()).toArray(String[]::new),
                fees.stream().map(f -> f.effectiveTo() == null ? null : f.effectiveTo().toString()).toArray(String[]::new),
                fees.stream().map(f -> f.amount().toPlainString()).toArray(String[]::new)};
    }
}
