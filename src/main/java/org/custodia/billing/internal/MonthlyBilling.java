package org.custodia.billing.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.Fee;
import org.custodia.custody.CustodyDays;
import org.springframework.stereotype.Component;

/** The rules applied in order, the same for a run, a preview, a recomputation and a reconciliation. */
@Component
class MonthlyBilling {

    private final CustodyDays custodyDays;
    private final BillingZone zones;
    private final CustodyDaysRule custody;
    private final IntakeFeeRule intake;
    private final AdjustmentRule adjustments;

    MonthlyBilling(CustodyDays custodyDays, BillingZone zones, CustodyDaysRule custody, IntakeFeeRule intake,
                   AdjustmentRule adjustments) {
        this.custodyDays = custodyDays;
        this.zones = zones;
        this.custody = custody;
        this.intake = intake;
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

    Computed compute(Agreement agreement, YearMonth period, LocalDate lastDay, boolean withAdjustments) {
        List<LineDraft> lines = new ArrayList<>(charges(agreement, period.atDay(1), lastDay));
        if (withAdjustments) {
            lines.addAll(adjustments.lines(agreement, period,
                    p -> charges(agreement, p.atDay(1), p.atEndOfMonth())));
        }
        return new Computed(period.atDay(1), lastDay, currency(agreement, period), lines);
    }

    /** CUSTODY_DAYS and INTAKE_FEE lines of the days from first to last, by prisoner number. */
    List<LineDraft> charges(Agreement agreement, LocalDate first, LocalDate last) {
        CustodyDaysRule.Windows windows = custody.windows(agreement, first, last);
        List<CustodyDays.Stay> stays = custodyDays.stays(agreement.code(), zone(agreement), windows.windows());
        List<LineDraft> lines = new ArrayList<>(custody.lines(windows, stays));
        lines.addAll(intake.lines(agreement, first, last, stays));
        lines.sort(Comparator.comparing(LineDraft::prisonerNumber).thenComparing(l -> l.kind().equals(LineDraft.INTAKE_FEE))
                .thenComparing(LineDraft::firstDay));
        return lines;
    }

    static String currency(Agreement agreement, YearMonth period) {
        return agreement.feeSchedule().stream()
                .filter(f -> f.appliesOn(period.atEndOfMonth()) || f.appliesOn(period.atDay(1)))
                .map(Fee::currency).findFirst()
                .orElse(agreement.feeSchedule().isEmpty() ? "USD" : agreement.feeSchedule().get(0).currency());
    }
}
