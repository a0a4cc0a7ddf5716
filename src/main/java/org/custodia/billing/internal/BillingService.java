package org.custodia.billing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.AgreementProblem;
import org.custodia.agreement.Agreements;
import org.custodia.billing.BillingProblem;
import org.custodia.billing.internal.BillingViews.*;
import org.custodia.common.ApiException;
import org.custodia.common.CanonicalJson;
import org.custodia.common.Validation;
import org.custodia.identity.CurrentUser;
import org.custodia.ledger.Ledger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs, previews, reads and formats of invoices; reconciliations, disputes, payments, the statement and the
 * sustainability report. Every change is ledgered in its own transaction.
 */
@Service
class BillingService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BillingService.class);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final InvoiceStore store;
    private final MonthlyBilling billing;
    private final Agreements agreements;
    private final Ledger ledger;
    private final Clock clock;
    private final JsonMapper json;
    private final BigDecimal annualCost;
    private final String costCurrency;
    private final int population;

    BillingService(InvoiceStore store, MonthlyBilling billing, Agreements agreements, Ledger ledger, Clock clock,
                   JsonMapper json,
                   @Value("${custodia.billing.operating-cost-per-year:200000000.00}") BigDecimal annualCost,
                   @Value("${custodia.billing.operating-cost-currency:USD}") String costCurrency,
                   @Value("${custodia.billing.system-population:110000}") int population) {
        this.store = store;
        this.billing = billing;
        this.agreements = agreements;
        this.ledger = ledger;
        this.clock = clock;
        this.json = json;
        this.annualCost = annualCost;
        this.costCurrency = costCurrency;
        this.population = population;
    }

    static String number(String agreementCode, String period) {
        return "INV-" + agreementCode + "-" + period.replace("-", "");
    }

    // --- scope

    List<String> visibleAgreements(CurrentUser user) {
        return agreements.visibleTo(user).stream()
                .filter(a -> !user.isScopedToParty() || a.sendingParty().code().equals(user.partyCode()))
                .map(Agreement::code).toList();
    }

    private Agreement agreement(String code, CurrentUser user) {
        return agreements.find(code).filter(a -> visibleAgreements(user).contains(a.code()))
                .orElseThrow(() -> new ApiException(AgreementProblem.AGREEMENT_NOT_FOUND, "No agreement " + code));
    }

    InvoiceStore.InvoiceRow invoice(String number, CurrentUser user) {
        return store.findByNumber(number).filter(i -> visibleAgreements(user).contains(i.agreementCode()))
                .orElseThrow(() -> new ApiException(BillingProblem.INVOICE_NOT_FOUND, "No invoice " + number));
    }

    private static YearMonth period(String value, Validation v) {
        if (value == null || value.isBlank()) {
            v.add("period", "REQUIRED", "period is required (YYYY-MM)");
            return null;
        }
        try {
            if (!value.matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("format", value, 0);
            }
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            v.add("period", "INVALID_FORMAT", "A month as YYYY-MM, e.g. 2025-04");
            return null;
        }
    }

    // --- runs and previews

    /**
     * A run's invoice (without reading its lines back) and whether this run issued it; for an issued one, its line
     * count and hash as the statement computed them (null for an invoice an earlier run issued: see {@link #summary}).
     */
    record RunOutcome(InvoiceStore.InvoiceRow invoice, boolean created, Integer lines, String linesSha256) {
    }

    /** The run's answer without lines; for an earlier run's invoice, the count and hash read from its stored lines. */
    @Transactional(readOnly = true)
    RunSummary summary(RunOutcome o) {
        InvoiceStore.InvoiceRow i = o.invoice();
        int lines = o.lines() != null ? o.lines() : store.lineCount(i.id());
        String sha = o.linesSha256() != null ? o.linesSha256() : store.linesSha256(i.id());
        return new RunSummary(i.number(), i.agreementCode(), i.period(), i.status(), i.currency(), i.firstDay(),
                i.lastDay(), i.issuedAt(), i.total(), lines, sha, BillingViews.ROUNDING);
    }

    /**
     * One invoice per agreement and month, for a month that has ended in the facility's zone. A second run of the
     * same month (even concurrent: runs take turns under a lock, and the database holds one invoice per agreement
     * and month) returns the invoice of the first.
     */
    @Transactional
    RunOutcome run(RunRequest r, CurrentUser user) {
        Validation v = new Validation();
        if (r == null) {
            v.add("", "REQUIRED", "The run is required").throwIfInvalid();
        }
        v.notBlank(r.agreementCode(), "agreementCode");
        YearMonth period = period(r.period(), v);
        v.throwIfInvalid();
        Agreement agreement = agreement(r.agreementCode(), user);
        LocalDate today = billing.today(agreement, clock);
        if (!period.atEndOfMonth().isBefore(today)) {
            throw new ApiException(BillingProblem.BILLING_PERIOD_NOT_ENDED, "The month " + period + " has not ended on "
                    + today + " (" + billing.zone(agreement) + "); preview it as a statement to date instead");
        }
        store.lockRun(agreement.code(), period.toString());
        var existing = store.find(agreement.code(), period.toString());
        if (existing.isPresent()) {
            ledger.append("BILLING_RUN", "INVOICE", existing.get().number(), Map.of("agreementCode", agreement.code(),
                    "period", period.toString(), "outcome", "EXISTING"));
            return new RunOutcome(existing.get(), false, null, null);
        }
        long t0 = System.nanoTime();
        List<InvoiceStore.InvoiceRow> rechecked = billing.toRecheck(agreement, period);
        List<LineDraft> adjustmentLines = billing.adjustments(agreement, rechecked);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String currency = MonthlyBilling.currency(agreement, period);
        var draft = new InvoiceStore.InvoiceRow(UUID.randomUUID(), number(agreement.code(), period.toString()),
                agreement.code(), period.toString(), "ISSUED", currency, period.atDay(1), period.atEndOfMonth(),
                null, now, today, user.username());
        ChargesSql.Issued issued = billing.issue(draft, agreement, adjustmentLines);
        store.checked(draft.id(), now, agreement.version());
        for (InvoiceStore.InvoiceRow earlier : rechecked) {
            store.checked(earlier.id(), now, agreement.version());
        }
        var row = new InvoiceStore.InvoiceRow(draft.id(), draft.number(), draft.agreementCode(), draft.period(),
                draft.status(), draft.currency(), draft.firstDay(), draft.lastDay(), issued.total(), draft.issuedAt(),
                draft.issuedOn(), draft.issuedBy());
        long t1 = System.nanoTime();
        BigDecimal total = row.total();
        List<Map<String, Object>> adjustments = new ArrayList<>();
        for (int i = 0; i < adjustmentLines.size(); i++) {
            LineDraft l = adjustmentLines.get(i);
            int lineNo = issued.charges() + i + 1;
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("line", lineNo);
            a.put("correctsInvoice", l.correctsInvoice());
            a.put("correctsLine", l.correctsLine());
            a.put("source", l.adjustmentSource());
            a.put("prisonerNumber", l.prisonerNumber());
            a.put("days", l.days());
            a.put("amount", l.amount().toPlainString());
            a.put("reason", l.reason());
            adjustments.add(a);
            if ("DISPUTE".equals(l.adjustmentSource())) {
                store.upheldNotCredited(agreement.code()).stream()
                        .filter(d -> d.invoiceNumber().equals(l.correctsInvoice()) && d.lineNo() == l.correctsLine())
                        .findFirst().ifPresent(d -> store.markCredited(d.id(), row.number(), lineNo));
            }
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("number", row.number());
        payload.put("agreementCode", agreement.code());
        payload.put("period", period.toString());
        payload.put("currency", row.currency());
        payload.put("total", total.toPlainString());
        payload.put("lines", issued.lines());
        payload.put("linesSha256", issued.linesSha256());
        payload.put("adjustments", adjustments);
        ledger.append("BILLING_RUN", "INVOICE", row.number(), Map.of("agreementCode", agreement.code(),
                "period", period.toString(), "outcome", "ISSUED"));
        ledger.append("INVOICE_ISSUED", "INVOICE", row.number(), payload);
        for (Map<String, Object> a : adjustments) {
            ledger.append("INVOICE_ADJUSTMENT", "INVOICE", row.number(), a);
        }
        log.info("Invoice {}: {} lines computed and written in one statement in {} ms, ledgered in {} ms", row.number(),
                issued.lines(), (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        return new RunOutcome(row, true, issued.lines(), issued.linesSha256());
    }

    /** A statement to date: the month billed up to today (or its end), never stored, never issued. */
    @Transactional(readOnly = true)
    InvoiceView preview(String agreementCode, String periodText, CurrentUser user) {
        Validation v = new Validation();
        v.notBlank(agreementCode, "agreementCode");
        YearMonth period = period(periodText, v);
        v.throwIfInvalid();
        Agreement agreement = agreement(agreementCode, user);
        LocalDate today = billing.today(agreement, clock);
        if (period.atDay(1).isAfter(today)) {
            v.add("period", "IN_FUTURE", "The month " + period + " has not begun").throwIfInvalid();
        }
        LocalDate last = period.atEndOfMonth().isBefore(today) ? period.atEndOfMonth() : today;
        MonthlyBilling.Computed computed = billing.compute(agreement, period, last);
        return new InvoiceView(null, agreement.code(), period.toString(), "PREVIEW", computed.currency(),
                computed.firstDay(), computed.lastDay(), null, lineViews(computed.lines()), total(computed.lines()),
                BillingViews.ROUNDING);
    }

    static BigDecimal total(List<LineDraft> lines) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (LineDraft l : lines) {
            total = total.add(l.amount());
        }
        return total;
    }

    // --- reads

    @Transactional(readOnly = true)
    InvoiceView get(String number, CurrentUser user) {
        return view(invoice(number, user));
    }

    /** An invoice without its lines (the console pages them). */
    @Transactional(readOnly = true)
    InvoiceView head(String number, CurrentUser user) {
        return view(invoice(number, user), List.of());
    }

    /** The invoice a run answered with, read whole (its lines) after the run committed. */
    @Transactional(readOnly = true)
    InvoiceView view(RunOutcome outcome) {
        return view(outcome.invoice());
    }

    /** A page of an invoice's lines (page from 0, 1 to 1,000 lines a page). */
    @Transactional(readOnly = true)
    LinePage lines(String number, int page, int size, CurrentUser user) {
        Validation v = new Validation();
        v.require(page >= 0, "page", "OUT_OF_RANGE", "page from 0");
        v.require(size >= 1 && size <= 1000, "size", "OUT_OF_RANGE", "size from 1 to 1000");
        v.throwIfInvalid();
        InvoiceStore.InvoiceRow invoice = invoice(number, user);
        List<LineView> views = new ArrayList<>();
        for (InvoiceStore.LineRow l : store.lines(invoice.id(), (long) page * size + 1, size)) {
            views.add(lineView(l.lineNo(), l.line()));
        }
        return new LinePage(invoice.number(), page, size, store.lineCount(invoice.id()), views);
    }

    @Transactional(readOnly = true)
    List<InvoiceSummary> list(String agreementCode, CurrentUser user) {
        List<String> codes = visibleAgreements(user);
        if (agreementCode != null && !agreementCode.isBlank()) {
            codes = codes.contains(agreementCode) ? List.of(agreementCode) : List.of();
        }
        return summaries(store.list(codes));
    }

    /** A page of the invoices a user may see (the console's list): {@code size} of them, and whether more follow. */
    record InvoicePage(List<InvoiceSummary> items, int page, int size, boolean hasNext) {
    }

    @Transactional(readOnly = true)
    InvoicePage page(String agreementCode, CurrentUser user, int page, int size) {
        List<String> codes = visibleAgreements(user);
        if (agreementCode != null && !agreementCode.isBlank()) {
            codes = codes.contains(agreementCode) ? List.of(agreementCode) : List.of();
        }
        int p = Math.max(0, page);
        List<InvoiceStore.InvoiceRow> rows = store.page(codes, p * size, size + 1);
        boolean more = rows.size() > size;
        return new InvoicePage(summaries(more ? rows.subList(0, size) : rows), p, size, more);
    }

    private List<InvoiceSummary> summaries(List<InvoiceStore.InvoiceRow> rows) {
        List<InvoiceSummary> list = new ArrayList<>();
        for (var i : rows) {
            BigDecimal paid = store.paid(i.number());
            int lines = store.lineCount(i.id());
            list.add(new InvoiceSummary(i.number(), i.agreementCode(), i.period(), i.status(), i.currency(), i.total(),
                    paid, i.total().subtract(paid), i.issuedOn(), lines));
        }
        return list;
    }

    InvoiceView view(InvoiceStore.InvoiceRow i) {
        return view(i, store.lines(i.id()).stream().map(InvoiceStore.LineRow::line).toList());
    }

    private static InvoiceView view(InvoiceStore.InvoiceRow i, List<LineDraft> lines) {
        return new InvoiceView(i.number(), i.agreementCode(), i.period(), i.status(), i.currency(), i.firstDay(),
                i.lastDay(), i.issuedAt(), lineViews(lines), i.total(), BillingViews.ROUNDING);
    }

    static List<LineView> lineViews(List<LineDraft> lines) {
        List<LineView> views = new ArrayList<>(lines.size());
        for (int k = 0; k < lines.size(); k++) {
            views.add(lineView(k + 1, lines.get(k)));
        }
        return views;
    }

    private static LineView lineView(int lineNo, LineDraft l) {
        Corrects corrects = l.correctsInvoice() == null ? null
                : new Corrects(l.correctsInvoice(), l.correctsLine(), l.adjustsKind(), l.adjustmentSource());
        return new LineView(lineNo, l.kind(), l.prisonerNumber(), l.externalReference(), l.securityLevel(), l.firstDay(),
                l.lastDay(), l.days(), l.rate(), l.amount(), corrects, l.reason(),
                new Sources(l.admissionEvent(), l.releaseEvent()));
    }

    // --- reconciliation

    @Transactional
    ReconciliationView reconcile(String number, Roster roster, CurrentUser user) {
        InvoiceStore.InvoiceRow invoice = invoice(number, user);
        Validation v = new Validation();
        if (roster == null || roster.lines() == null) {
            v.add("lines", "REQUIRED", "The roster needs its lines").throwIfInvalid();
        }
        for (int i = 0; i < roster.lines().size(); i++) {
            RosterLine l = roster.lines().get(i);
            v.require(l != null && l.externalReference() != null && !l.externalReference().isBlank(),
                    "lines[" + i + "].externalReference", "REQUIRED", "externalReference is required");
            v.require(l != null && l.days() != null && l.days() >= 0 && l.days() <= 31, "lines[" + i + "].days",
                    l == null || l.days() == null ? "REQUIRED" : "OUT_OF_RANGE", "days from 0 to 31");
        }
        v.throwIfInvalid();
        List<ReconciliationLine> lines = RosterComparison.compare(
                store.lines(invoice.id()), roster.lines());
        int matched = 0, differ = 0, rosterOnly = 0, invoiceOnly = 0;
        for (ReconciliationLine l : lines) {
            switch (l.outcome()) {
                case "MATCHED" -> matched++;
                case "DAYS_DIFFER" -> differ++;
                case "ROSTER_ONLY" -> rosterOnly++;
                default -> invoiceOnly++;
            }
        }
        ReconciliationView view = new ReconciliationView(UUID.randomUUID(), number, clock.instant(), user.username(),
                new Counts(matched, differ, rosterOnly, invoiceOnly), lines);
        String result = json.writeValueAsString(view);
        store.insertReconciliation(view.id(), number, user.username(), view.submittedAt(), result);
        ledger.append("INVOICE_RECONCILED", "INVOICE", number, Map.of("reconciliationId", view.id().toString(),
                "rosterLines", roster.lines().size(), "counts", view.counts(),
                "resultSha256", CanonicalJson.sha256(result)));
        return view;
    }

    @Transactional(readOnly = true)
    ReconciliationView latestReconciliation(String number, CurrentUser user) {
        invoice(number, user);
        return store.latestReconciliation(number).map(s -> json.readValue(s, ReconciliationView.class)).orElse(null);
    }

    // --- disputes

    @Transactional
    DisputeView dispute(String number, int lineNo, DisputeRequest r, CurrentUser user) {
        InvoiceStore.InvoiceRow invoice = invoice(number, user);
        Validation v = new Validation();
        v.require(r != null && r.reason() != null && !r.reason().isBlank(), "reason", "REQUIRED", "reason is required");
        v.require(r == null || r.reason() == null || r.reason().length() <= 2000, "reason", "TOO_LONG", "At most 2000 characters");
        v.throwIfInvalid();
        store.lockInvoice(number);
        InvoiceStore.LineRow line = store.line(number, lineNo).orElseThrow(() -> new ApiException(
                BillingProblem.INVOICE_LINE_NOT_FOUND, "Invoice " + number + " has no line " + lineNo));
        if (store.openDispute(number, lineNo)) {
            throw new ApiException(BillingProblem.DISPUTE_OPEN, "Line " + lineNo + " of " + number + " is disputed already");
        }
        var row = new InvoiceStore.DisputeRow(UUID.randomUUID(), number, lineNo, invoice.agreementCode(),
                line.line().amount(), r.reason().strip(), "OPEN", user.username(), clock.instant(), null, null, null, null,
                null, null);
        store.insertDispute(row);
        ledger.append("INVOICE_LINE_DISPUTED", "DISPUTE", row.id().toString(), Map.of("invoice", number, "line", lineNo,
                "amount", row.amount().toPlainString(), "reason", row.reason()));
        return disputeView(store.dispute(row.id(), false).orElseThrow());
    }

    @Transactional
    DisputeView resolve(UUID id, ResolutionRequest r, CurrentUser user) {
        InvoiceStore.DisputeRow d = store.dispute(id, true).orElseThrow(() -> new ApiException(
                BillingProblem.DISPUTE_NOT_FOUND, "No dispute " + id));
        Validation v = new Validation();
        String outcome = r == null ? null : r.outcome();
        v.require(outcome != null && (outcome.equals("UPHELD") || outcome.equals("REJECTED")), "outcome",
                outcome == null ? "REQUIRED" : "INVALID_VALUE", "UPHELD or REJECTED");
        v.require(r != null && r.reason() != null && !r.reason().isBlank(), "reason", "REQUIRED", "reason is required");
        BigDecimal credit = null;
        if ("UPHELD".equals(outcome)) {
            credit = d.amount();
            if (r.credit() != null && !r.credit().isBlank()) {
                try {
                    credit = new BigDecimal(r.credit());
                    if (credit.scale() > 2 || credit.signum() <= 0 || credit.compareTo(d.amount().abs()) > 0) {
                        v.add("credit", "INVALID_AMOUNT", "A decimal string above 0, at most the line's " + d.amount()
                                + ", at most 2 decimals");
                    }
                    credit = LineDraft.money(credit);
                } catch (NumberFormatException e) {
                    v.add("credit", "INVALID_AMOUNT", "A decimal string such as 55.00");
                }
            }
        }
        v.throwIfInvalid();
        if (!"OPEN".equals(d.status())) {
            throw new ApiException(BillingProblem.DISPUTE_NOT_OPEN, "Dispute " + id + " is " + d.status());
        }
        store.resolveDispute(id, outcome, r.reason().strip(), credit, user.username(), clock.instant());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("invoice", d.invoiceNumber());
        payload.put("line", d.lineNo());
        payload.put("outcome", outcome);
        payload.put("reason", r.reason().strip());
        payload.put("credit", credit == null ? null : credit.toPlainString());
        ledger.append("DISPUTE_RESOLVED", "DISPUTE", id.toString(), payload);
        return disputeView(store.dispute(id, false).orElseThrow());
    }

    @Transactional(readOnly = true)
    List<DisputeView> disputes(String agreementCode, String status, String invoiceNumber, CurrentUser user) {
        List<String> codes = visibleAgreements(user);
        if (agreementCode != null && !agreementCode.isBlank()) {
            codes = codes.contains(agreementCode) ? List.of(agreementCode) : List.of();
        }
        return store.disputes(codes, blank(status), blank(invoiceNumber)).stream().map(BillingService::disputeView).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static DisputeView disputeView(InvoiceStore.DisputeRow d) {
        return new DisputeView(d.id(), d.invoiceNumber(), d.lineNo(), d.agreementCode(), d.amount(), d.reason(),
                d.status(), d.raisedBy(), d.raisedAt(), d.resolution(), d.credit(), d.resolvedBy(), d.resolvedAt(),
                d.appliedInvoice(), d.appliedLine());
    }

    // --- payments

    @Transactional
    PaymentView pay(String number, PaymentRequest r, CurrentUser user) {
        InvoiceStore.InvoiceRow invoice = invoice(number, user);
        Validation v = new Validation();
        BigDecimal amount = null;
        if (r == null || r.amount() == null || r.amount().isBlank()) {
            v.add("amount", "REQUIRED", "amount is required");
        } else {
            try {
                amount = new BigDecimal(r.amount());
                if (amount.signum() <= 0 || amount.scale() > 2) {
                    v.add("amount", "INVALID_AMOUNT", "A decimal string above 0 with at most 2 decimals");
                }
            } catch (NumberFormatException e) {
                v.add("amount", "INVALID_AMOUNT", "A decimal string such as 1000.00");
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), BillingZone.DEFAULT);
        v.require(r != null && r.paidOn() != null, "paidOn", "REQUIRED", "paidOn is required");
        if (r != null && r.paidOn() != null) {
            v.require(!r.paidOn().isAfter(today.plusDays(1)), "paidOn", "IN_FUTURE", "paidOn lies in the future");
        }
        v.require(r != null && r.reference() != null && !r.reference().isBlank(), "reference", "REQUIRED", "reference is required");
        v.throwIfInvalid();
        store.lockInvoice(number);
        BigDecimal outstanding = invoice.total().subtract(store.paid(number));
        if (amount.compareTo(outstanding) > 0) {
            throw new ApiException(BillingProblem.PAYMENT_EXCEEDS_BALANCE, "Invoice " + number + " has "
                    + outstanding.toPlainString() + " " + invoice.currency() + " outstanding; " + amount.toPlainString()
                    + " is more");
        }
        var row = new InvoiceStore.PaymentRow(UUID.randomUUID(), number, LineDraft.money(amount), r.paidOn(),
                r.reference().strip(), user.username(), clock.instant());
        store.insertPayment(row);
        BigDecimal left = outstanding.subtract(row.amount());
        ledger.append("PAYMENT_RECORDED", "INVOICE", number, Map.of("paymentId", row.id().toString(),
                "amount", row.amount().toPlainString(), "paidOn", row.paidOn().toString(), "reference", row.reference(),
                "outstanding", left.toPlainString()));
        return new PaymentView(row.id(), number, row.amount(), row.paidOn(), row.reference(), row.recordedBy(),
                row.recordedAt(), left);
    }

    @Transactional(readOnly = true)
    List<PaymentView> payments(String number, CurrentUser user) {
        InvoiceStore.InvoiceRow invoice = invoice(number, user);
        List<PaymentView> views = new ArrayList<>();
        BigDecimal outstanding = invoice.total();
        for (var p : store.payments(number)) {
            outstanding = outstanding.subtract(p.amount());
            views.add(new PaymentView(p.id(), number, p.amount(), p.paidOn(), p.reference(), p.recordedBy(),
                    p.recordedAt(), outstanding));
        }
        return views;
    }

    // --- statement

    /** Invoiced, paid (by asOf), disputed (open disputes), balance, and the balance by age of invoice. */
    @Transactional(readOnly = true)
    StatementView statement(String agreementCode, LocalDate asOf, CurrentUser user) {
        Agreement agreement = agreement(agreementCode, user);
        LocalDate day = asOf != null ? asOf : billing.today(agreement, clock);
        BigDecimal invoiced = BigDecimal.ZERO.setScale(2);
        BigDecimal paid = BigDecimal.ZERO.setScale(2);
        BigDecimal disputed = BigDecimal.ZERO.setScale(2);
        BigDecimal[] buckets = {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2),
                BigDecimal.ZERO.setScale(2)};
        List<StatementInvoice> rows = new ArrayList<>();
        String currency = MonthlyBilling.currency(agreement, YearMonth.from(day));
        List<InvoiceStore.InvoiceRow> invoices = new ArrayList<>(store.list(List.of(agreement.code())));
        invoices.sort(java.util.Comparator.comparing(InvoiceStore.InvoiceRow::period));
        for (var i : invoices) {
            if (i.issuedOn().isAfter(day)) {
                continue;
            }
            BigDecimal p = store.payments(i.number()).stream().filter(x -> !x.paidOn().isAfter(day))
                    .map(InvoiceStore.PaymentRow::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            BigDecimal d = store.disputes(List.of(agreement.code()), "OPEN", i.number()).stream()
                    .map(InvoiceStore.DisputeRow::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
            BigDecimal outstanding = i.total().subtract(p);
            long age = ChronoUnit.DAYS.between(i.issuedOn(), day);
            int bucket = age <= 30 ? 0 : age <= 60 ? 1 : age <= 90 ? 2 : 3;
            buckets[bucket] = buckets[bucket].add(outstanding);
            invoiced = invoiced.add(i.total());
            paid = paid.add(p);
            disputed = disputed.add(d);
            rows.add(new StatementInvoice(i.number(), i.period(), i.issuedOn(), age, i.total(), p, d, outstanding));
        }
        return new StatementView(agreement.code(), currency, day, invoiced, paid, disputed, invoiced.subtract(paid),
                new Ageing(buckets[0], buckets[1], buckets[2], buckets[3]), rows);
    }

    // --- sustainability

    /**
     * Per month of the year (those that have ended): fee revenue (the invoices of the month in the cost's currency),
     * the system's operating cost (annual cost × days of the month / days of the year), the share covered, the cost
     * per prisoner-day (cost / (population × days)) against the per-diem earned (custody-day revenue / days billed).
     */
    @Transactional(readOnly = true)
    SustainabilityView sustainability(int year, CurrentUser user) {
        List<String> codes = visibleAgreements(user);
        Map<String, BigDecimal> revenue = new LinkedHashMap<>();
        Map<String, BigDecimal> dayRevenue = new LinkedHashMap<>();
        Map<String, Long> days = new LinkedHashMap<>();
        for (var i : store.ofYear(year)) {
            if (!codes.contains(i.agreementCode()) || !i.currency().equals(costCurrency)) {
                continue;
            }
            revenue.merge(i.period(), i.total(), BigDecimal::add);
            InvoiceStore.CustodyTotals custody = store.custodyTotals(i.id());
            days.merge(i.period(), custody.days(), Long::sum);
            dayRevenue.merge(i.period(), custody.amount().setScale(2), BigDecimal::add);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), BillingZone.DEFAULT);
        int daysInYear = java.time.Year.of(year).length();
        List<SustainabilityMonth> months = new ArrayList<>();
        BigDecimal ytdRevenue = BigDecimal.ZERO.setScale(2);
        BigDecimal ytdDayRevenue = BigDecimal.ZERO.setScale(2);
        BigDecimal ytdCost = BigDecimal.ZERO.setScale(2);
        long ytdDays = 0;
        int ytdCalendarDays = 0;
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(year, m);
            if (!ym.atEndOfMonth().isBefore(today)) {
                break;
            }
            String p = ym.toString();
            BigDecimal rev = revenue.getOrDefault(p, BigDecimal.ZERO.setScale(2));
            BigDecimal cost = monthlyCost(ym);
            long d = days.getOrDefault(p, 0L);
            BigDecimal dayRev = dayRevenue.getOrDefault(p, BigDecimal.ZERO.setScale(2));
            months.add(month(p, rev, cost, d, dayRev, ym.lengthOfMonth()));
            ytdRevenue = ytdRevenue.add(rev);
            ytdCost = ytdCost.add(cost);
            ytdDays += d;
            ytdDayRevenue = ytdDayRevenue.add(dayRev);
            ytdCalendarDays += ym.lengthOfMonth();
        }
        // the year so far: the annual cost × the days elapsed / the days of the year (not a sum of rounded months)
        ytdCost = annualCost.multiply(BigDecimal.valueOf(ytdCalendarDays))
                .divide(BigDecimal.valueOf(daysInYear), 2, RoundingMode.HALF_EVEN);
        SustainabilityMonth ytd = month(year + "", ytdRevenue, ytdCost, ytdDays, ytdDayRevenue, ytdCalendarDays);
        return new SustainabilityView(year, costCurrency, LineDraft.money(annualCost), population, months, ytd,
                "Costs and shares are rounded half-even: money to the cent, shares to a hundredth of a percent");
    }

    BigDecimal monthlyCost(YearMonth ym) {
        return annualCost.multiply(BigDecimal.valueOf(ym.lengthOfMonth()))
                .divide(BigDecimal.valueOf(java.time.Year.of(ym.getYear()).length()), 2, RoundingMode.HALF_EVEN);
    }

    private SustainabilityMonth month(String period, BigDecimal revenue, BigDecimal cost, long prisonerDays,
                                      BigDecimal dayRevenue, int calendarDays) {
        BigDecimal covered = cost.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : revenue.multiply(HUNDRED).divide(cost, 2, RoundingMode.HALF_EVEN);
        BigDecimal perPrisonerDay = population == 0 ? null
                : cost.divide(BigDecimal.valueOf((long) population * calendarDays), 2, RoundingMode.HALF_EVEN);
        BigDecimal perDiem = prisonerDays == 0 ? null
                : dayRevenue.divide(BigDecimal.valueOf(prisonerDays), 2, RoundingMode.HALF_EVEN);
        return new SustainabilityMonth(period, revenue, cost, covered, prisonerDays, perPrisonerDay, perDiem);
    }
}
