package org.custodia.billing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.LinkedHashMap;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.Fee;
import org.custodia.agreement.FeeKind;
import org.custodia.custody.CustodyDays;
import org.springframework.stereotype.Component;

/**
 * CUSTODY_DAYS: one line per prisoner and rate period, days × the per-diem in force. The month is cut where a rate
 * starts or ends; a rate for the prisoner's security level wins over the flat rate. The days themselves are counted
 * by custody in SQL ({@link CustodyDays}): the admission date counts, the release date does not.
 */
@Component
class CustodyDaysRule {

    static final List<String> LEVELS = List.of("MINIMUM", "MEDIUM", "HIGH", "MAXIMUM");

    /** The windows of a stretch of days under the fee schedule, each with the fee that applies in it. */
    record Windows(List<CustodyDays.Window> windows, Map<String, Fee> fees) {
    }

    Windows windows(Agreement agreement, LocalDate first, LocalDate last) {
        List<Fee> perDiems = agreement.feeSchedule().stream().filter(f -> f.kind() == FeeKind.CUSTODY_DAY).toList();
        boolean byLevel = perDiems.stream().anyMatch(f -> f.securityLevel() != null);
        TreeSet<LocalDate> cuts = new TreeSet<>();
        cuts.add(first);
        for (Fee f : perDiems) {
            if (f.effectiveFrom().isAfter(first) && !f.effectiveFrom().isAfter(last)) {
                cuts.add(f.effectiveFrom());
            }
            if (f.effectiveTo() != null && f.effectiveTo().isBefore(last) && !f.effectiveTo().isBefore(first)) {
                cuts.add(f.effectiveTo().plusDays(1));
            }
        }
        List<LocalDate> starts = new ArrayList<>(cuts);
        List<CustodyDays.Window> windows = new ArrayList<>();
        Map<String, Fee> fees = new LinkedHashMap<>();
        for (String level : byLevel ? LEVELS : java.util.Collections.<String>singletonList(null)) {
            Fee current = null;
            LocalDate from = null;
            LocalDate to = null;
            for (int i = 0; i < starts.size(); i++) {
                LocalDate a = starts.get(i);
                LocalDate b = i + 1 < starts.size() ? starts.get(i + 1).minusDays(1) : last;
                Fee fee = feeOn(perDiems, a, level).orElse(null);
                if (current != null && fee == current && to.plusDays(1).equals(a)) {
                    to = b;
                    continue;
                }
                if (current != null) {
                    add(windows, fees, current, from, to, level);
                }
                current = fee;
                from = a;
                to = b;
            }
            if (current != null) {
                add(windows, fees, current, from, to, level);
            }
        }
        return new Windows(windows, fees);
    }

    private static void add(List<CustodyDays.Window> windows, Map<String, Fee> fees, Fee fee, LocalDate from,
                            LocalDate to, String level) {
        String key = "W" + windows.size();
        windows.add(new CustodyDays.Window(key, from, to, level));
        fees.put(key, fee);
    }

    /** The per-diem in force on a day for a level: the level's own rate, else the flat rate. */
    static Optional<Fee> feeOn(List<Fee> perDiems, LocalDate day, String level) {
        Optional<Fee> own = level == null ? Optional.empty()
                : perDiems.stream().filter(f -> level.equals(f.securityLevel()) && f.appliesOn(day)).findFirst();
        return own.isPresent() ? own
                : perDiems.stream().filter(f -> f.securityLevel() == null && f.appliesOn(day)).findFirst();
    }

    List<LineDraft> lines(Windows windows, List<CustodyDays.Stay> stays) {
        List<LineDraft> lines = new ArrayList<>(stays.size());
        for (CustodyDays.Stay s : stays) {
            Fee fee = windows.fees().get(s.windowKey());
            lines.add(new LineDraft(LineDraft.CUSTODY_DAYS, s.prisonerNumber(), s.externalReference(), s.securityLevel(),
                    s.firstDay(), s.lastDay(), s.days(), fee.amount(), LineDraft.times(fee.amount(), s.days()), null,
                    null, null, null, null, s.admissionEvent(), s.releaseEvent()));
        }
        return lines;
    }
}
