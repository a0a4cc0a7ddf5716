package org.custodia.billing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.billing.internal.BillingViews.ReconciliationLine;
import org.custodia.billing.internal.BillingViews.RosterLine;
import org.custodia.billing.internal.BillingViews.Sources;

/**
 * The invoice's CUSTODY_DAYS lines, summed per sending-state reference (a person billed at two rates has two
 * lines), against the sending agency's own count: MATCHED, DAYS_DIFFER, ROSTER_ONLY, INVOICE_ONLY. Each result
 * names the invoice lines and the custody events they were counted from.
 */
final class RosterComparison {

    private RosterComparison() {
    }

    private static final class Billed {
        String prisonerNumber;
        int days;
        final List<Integer> lines = new ArrayList<>();
        final List<Sources> sources = new ArrayList<>();
    }

    static List<ReconciliationLine> compare(List<InvoiceStore.LineRow> invoiceLines, List<RosterLine> roster) {
        Map<String, Billed> billed = new LinkedHashMap<>();
        for (InvoiceStore.LineRow row : invoiceLines) {
            LineDraft l = row.line();
            if (!LineDraft.CUSTODY_DAYS.equals(l.kind())) {
                continue;
            }
            String key = l.externalReference() == null ? l.prisonerNumber() : l.externalReference();
            Billed b = billed.computeIfAbsent(key, k -> new Billed());
            b.prisonerNumber = l.prisonerNumber();
            b.days += l.days();
            b.lines.add(row.lineNo());
            Sources s = new Sources(l.admissionEvent(), l.releaseEvent());
            if (!b.sources.contains(s)) {
                b.sources.add(s);
            }
        }
        Map<String, Integer> counted = new LinkedHashMap<>();
        for (RosterLine r : roster) {
            counted.merge(r.externalReference().strip(), r.days(), Integer::sum);
        }
        List<ReconciliationLine> result = new ArrayList<>();
        for (var e : counted.entrySet()) {
            Billed b = billed.get(e.getKey());
            if (b == null) {
                result.add(new ReconciliationLine("ROSTER_ONLY", e.getKey(), null, null, e.getValue(), -e.getValue(),
                        List.of(), List.of()));
            } else {
                int difference = b.days - e.getValue();
                result.add(new ReconciliationLine(difference == 0 ? "MATCHED" : "DAYS_DIFFER", e.getKey(),
                        b.prisonerNumber, b.days, e.getValue(), difference, b.lines, b.sources));
            }
        }
        for (var e : billed.entrySet()) {
            if (!counted.containsKey(e.getKey())) {
                Billed b = e.getValue();
                result.add(new ReconciliationLine("INVOICE_ONLY", e.getKey(), b.prisonerNumber, b.days, null, b.days,
                        b.lines, b.sources));
            }
        }
        return result;
    }
}
