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
import org.springframework.stereotype.Component;

/**
 * CUSTODY_DAYS: one line per prisoner and rate period, days × the per-diem in force. The month is cut where a rate
 * starts or ends; a rate for the prisoner's security level wins over the flat rate, and the level is the one in force
 * each day (a reclassification splits the line). The days are counted in SQL over the custody intervals ({@link #SQL},
 * never day by day): the admission date counts, the release date does not.
 */
@Component
class CustodyDaysRule {

    static final List<String> LEVELS = List.of("MINIMUM", "MEDIUM", "HIGH", "MAXIMUM");

    /**
     * A stretch of days billed at one rate.
     *
     * @param key the name of the fee that applies in it
     * @param securityLevel only prisoners of this level; null for every level
     */
    record Window(String key, LocalDate firstDay, LocalDate lastDay, String securityLevel) {
    }

    /** The windows of a stretch of days under the fee schedule, each with the fee that applies in it. */
    record Windows(List<Window> windows, Map<String, Fee> fees) {
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
        List<Window> windows = new ArrayList<>();
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

    private static void add(List<Window> windows, Map<String, Fee> fees, Fee fee, LocalDate from,
                            LocalDate to, String level) {
        String key = "W" + windows.size();
        windows.add(new Window(key, from, to, level));
        fees.put(key, fee);
    }

    /** The per-diem in force on a day for a level: the level's own rate, else the flat rate. */
    static Optional<Fee> feeOn(List<Fee> perDiems, LocalDate day, String level) {
        Optional<Fee> own = level == null ? Optional.empty()
                : perDiems.stream().filter(f -> level.equals(f.securityLevel()) && f.appliesOn(day)).findFirst();
        return own.isPresent() ? own
                : perDiems.stream().filter(f -> f.securityLevel() == null && f.appliesOn(day)).findFirst();
    }

    /**
     * The rule in SQL, over the stays {@code s} (custody's {@code custody_stays}: one row per prisoner and stretch of
     * one security level) and the windows {@code w} (first_day, last_day, level, rate): a line per stay, stretch and
     * window they share. The days are the length of the intersection of [admitted, released) (at least one day:
     * admitted and released the same day counts one), [level_from, level_until) and the window; absences do not cut
     * it (legal custody continues).
     */
    static final String SQL = """
            SELECT 'CUSTODY_DAYS' AS kind, s.prisoner_number, s.external_reference, s.security_level,
                   x.first_day, x.end_day - 1 AS last_day, x.end_day - x.first_day AS days, w.rate,
                   w.rate * (x.end_day - x.first_day) AS amount, s.admission_event, s.release_event
            FROM s JOIN w ON w.level IS NULL OR w.level = s.security_level
            CROSS JOIN LATERAL (
              SELECT greatest(s.admitted_on, w.first_day, s.level_from) AS first_day,
                     least(w.last_day + 1, s.level_until,
                           CASE WHEN s.released_on IS NOT NULL THEN greatest(s.released_on, s.admitted_on + 1) END) AS end_day
            ) x
            WHERE x.end_day > x.first_day""";

    /** The windows as the statement's text arrays (cast there): first days, last days, levels (null: every level), rates. */
    static Object[] parameters(Windows windows) {
        var ws = windows.windows();
        return new Object[] {
                ws.stream().map(w -> w.firstDay().toString()).toArray(String[]::new),
                ws.stream().map(w -> w.lastDay().toString()).toArray(String[]::new),
                ws.stream().map(Window::securityLevel).toArray(String[]::new),
                ws.stream().map(w -> windows.fees().get(w.key()).amount().toPlainString()).toArray(String[]::new)};
    }
}
