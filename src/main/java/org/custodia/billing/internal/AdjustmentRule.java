package org.custodia.billing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.custodia.agreement.Agreement;
import org.springframework.stereotype.Component;

/**
 * ADJUSTMENT: an issued invoice never changes, so what changed since goes on the next one. For every earlier
 * issued invoice of the agreement whose record may have changed since it was last checked ({@link InvoiceStore#toRecheck}), the month is billed again from the record as it stands (a release entered late,
 * an amended rate) and compared, per prisoner, kind and rate, with what was billed plus the recomputation
 * adjustments already made; each difference is a line that names the invoice and line it corrects. Upheld disputes
 * not yet credited are credited here too.
 */
@Component
class AdjustmentRule {

    private final InvoiceStore store;

    AdjustmentRule(InvoiceStore store) {
        this.store = store;
    }

    private static final class Sum {
        int days;
        BigDecimal amount = BigDecimal.ZERO;
        LineDraft sample;
        Integer lineNo;
        boolean hasDays;
    }

    List<LineDraft> lines(Agreement agreement, List<InvoiceStore.InvoiceRow> toRecheck,
                          Function<YearMonth, List<LineDraft>> billAgain) {
        List<LineDraft> adjustments = new ArrayList<>();
        for (InvoiceStore.InvoiceRow invoice : toRecheck) {
            Map<String, Sum> billed = new LinkedHashMap<>();
            for (InvoiceStore.LineRow l : store.lines(invoice.id())) {
                if (!LineDraft.ADJUSTMENT.equals(l.line().kind())) {
                    Sum s = add(billed, l.line());
                    if (s.lineNo == null) {
                        s.lineNo = l.lineNo();
                    }
                }
            }
            for (LineDraft l : store.recomputationsOf(invoice.number())) {
                add(billed, l);
            }
            Map<String, Sum> due = new LinkedHashMap<>();
            for (LineDraft l : billAgain.apply(YearMonth.parse(invoice.period()))) {
                add(due, l);
            }
            Set<String> keys = new LinkedHashSet<>(billed.keySet());
            keys.addAll(due.keySet());
            for (String key : keys) {
                Sum b = billed.getOrDefault(key, new Sum());
                Sum d = due.getOrDefault(key, new Sum());
                BigDecimal amount = d.amount.subtract(b.amount);
                int days = d.days - b.days;
                if (amount.signum() == 0 && days == 0) {
                    continue;
                }
                LineDraft sample = d.sample != null ? d.sample : b.sample;
                String reason = sample.kind().equals(LineDraft.INTAKE_FEE) || LineDraft.INTAKE_FEE.equals(sample.adjustsKind())
                        ? "Intake fee recomputed: " + b.amount.toPlainString() + " billed, " + d.amount.toPlainString() + " due"
                        : "Recomputed from the custody record: " + b.days + " days billed, " + d.days + " due";
                adjustments.add(new LineDraft(LineDraft.ADJUSTMENT, sample.prisonerNumber(), sample.externalReference(),
                        sample.securityLevel(), d.sample != null ? d.sample.firstDay() : b.sample.firstDay(),
                        d.sample != null ? d.sample.lastDay() : b.sample.lastDay(), b.hasDays || d.hasDays ? days : null,
                        sample.rate(), LineDraft.money(amount),
                        LineDraft.ADJUSTMENT.equals(sample.kind()) ? sample.adjustsKind() : sample.kind(),
                        invoice.number(), b.lineNo, "RECOMPUTATION", reason, sample.admissionEvent(),
                        sample.releaseEvent()));
            }
        }
        for (InvoiceStore.UpheldDispute dispute : store.upheldNotCredited(agreement.code())) {
            LineDraft l = dispute.line();
            adjustments.add(new LineDraft(LineDraft.ADJUSTMENT, l.prisonerNumber(), l.externalReference(),
                    l.securityLevel(), l.firstDay(), l.lastDay(), null, l.rate(), dispute.credit().negate(), l.kind(),
                    dispute.invoiceNumber(), dispute.lineNo(), "DISPUTE",
                    "Dispute " + dispute.id() + " upheld: " + dispute.resolution(), l.admissionEvent(), l.releaseEvent()));
        }
        return adjustments;
    }

    private static Sum add(Map<String, Sum> sums, LineDraft l) {
        Sum s = sums.computeIfAbsent(l.key(), k -> new Sum());
        if (l.days() != null) {
            s.days += l.days();
            s.hasDays = true;
        }
        s.amount = s.amount.add(l.amount());
        if (s.sample == null || !LineDraft.ADJUSTMENT.equals(l.kind())) {
            s.sample = s.sample == null ? l : s.sample;
        }
        return s;
    }

}
