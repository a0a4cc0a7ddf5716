package org.custodia.billing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A line as the billing rules produce it, before it is numbered on an invoice (or shown on a preview).
 *
 * @param kind CUSTODY_DAYS, INTAKE_FEE or ADJUSTMENT
 * @param adjustsKind for an adjustment: the kind of line it corrects
 * @param adjustmentSource for an adjustment: RECOMPUTATION (the custody record or the rates changed) or DISPUTE
 */
record LineDraft(String kind, String prisonerNumber, String externalReference, String securityLevel, LocalDate firstDay,
                 LocalDate lastDay, Integer days, BigDecimal rate, BigDecimal amount, String adjustsKind,
                 String correctsInvoice, Integer correctsLine, String adjustmentSource, String reason,
                 UUID admissionEvent, UUID releaseEvent) {

    static final String CUSTODY_DAYS = "CUSTODY_DAYS";
    static final String INTAKE_FEE = "INTAKE_FEE";
    static final String ADJUSTMENT = "ADJUSTMENT";

    /** Money: two decimals, half-even (banker's) rounding, applied to each line; totals add the rounded lines. */
    static BigDecimal money(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** rate × days, rounded to the cent. */
    static BigDecimal times(BigDecimal rate, int days) {
        return money(rate.multiply(BigDecimal.valueOf(days)));
    }

    /** The key that identifies what a line bills, across recomputations: kind, prisoner and rate. */
    String key() {
        String kindBilled = ADJUSTMENT.equals(kind) ? adjustsKind : kind;
        return kindBilled + "|" + prisonerNumber + "|" + (rate == null ? "" : rate.toPlainString());
    }
}
