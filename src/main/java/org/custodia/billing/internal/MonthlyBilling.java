package org.custodia.billing.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.Fee;
import org.springframework.stereotype.Component;

/** The rules applied in order, the same for a run, a preview, a recomputation and a reconciliation. */
@Component
class MonthlyBilling {

    private final BillingZone zones;
    private final ChargesSql charges;
    private final AdjustmentRule adjustments;
    private final InvoiceStore store;

    MonthlyBilling(BillingZone zones, ChargesSql charges, AdjustmentRule adjustments, InvoiceStore store) {
        this.store = store;
        this.zones = zones;
        this.charges = charges;
        this.adjustments = adjustments;
    }

    /** @param lastDay the last day billed: the month's last, or today for a statement to date */
    record Computed(LocalDate firstDay, LocalDate lastDay, String currency, List<LineDraft> lines) {
    }

    ZoneId zone(Agreement agreement) {
        return zones.zoneOf(agreement.facilityCode());
    }

    LocalDate today(Agreement agreement, java.time.Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone(agreement));
    }

    /** A statement to date: the charges of the days first..lastDay, then the adjustments due (nothing stored). */
    Computed compute(Agreement agreement, YearMonth period, LocalDate lastDay) {
        List<LineDraft> lines = new ArrayList<>(charges(agreement, period.atDay(1), lastDay));
        lines.addAll(adjustments(agreement, toRecheck(agreement, period)));
        return new Computed(period.atDay(1), lastDay, currency(agreement, period), lines);
    }

    /** The issued invoices before a month whose month must be billed again ({@link InvoiceStore#toRecheck}). */
    List<InvoiceStore.InvoiceRow> toRecheck(Agreement agreement, YearMonth period) {
        return store.toRecheck(agreement.code(), period.toString(), agreement.version(), zone(agreement).getId());
    }

    /** The adjustments due on the invoice of a month: the earlier months given billed again and compared. */
    List<LineDraft> adjustments(Agreement agreement, List<InvoiceStore.InvoiceRow> toRecheck) {
        return adjustments.lines(agreement, toRecheck, p -> charges(agreement, p.atDay(1), p.atEndOfMonth()));
    }

    /** CUSTODY_DAYS and INTAKE_FEE lines of the days from first to last, in line order. */
    List<LineDraft> charges(Agreement agreement, LocalDate first, LocalDate last) {
        return charges.lines(agreement, zone(agreement).getId(), first, last);
    }

    /** Issues a month's invoice: its charges computed, numbered and written in PostgreSQL, the adjustments after. */
    ChargesSql.Issued issue(InvoiceStore.InvoiceRow invoice, Agreement agreement, List<LineDraft> adjustments) {
        return charges.issue(invoice, agreement, zone(agreement).getId(), adjustments);
    }

    static String currency(Agreement agreement, YearMonth period) {
        return agreement.feeSchedule().stream()
                .filter(f -> f.appliesOn(period.atEndOfMonth()) || f.appliesOn(period.atDay(1)))
                .map(Fee::currency).findFirst()
                .orElse(agreement.feeSchedule().isEmpty() ? "USD" : agreement.feeSchedule().get(0).currency());
    }
}
