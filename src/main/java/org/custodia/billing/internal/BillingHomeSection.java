package org.custodia.billing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.AgreementStatus;
import org.custodia.agreement.Agreements;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Permission;
import org.custodia.web.HomeChart;
import org.custodia.web.HomeSection;
import org.custodia.web.WorkItem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Billing's part of the home page: finance's runs due (months of an active agreement ended and not yet billed),
 * unpaid invoices and open disputes; the sending agency's invoices, the unpaid ones and those it has not reconciled;
 * and, for those who may read it, fee revenue against the prison system's cost month by month.
 */
@Component
class BillingHomeSection implements HomeSection {

    static final int MONTHS_SHOWN = 12;

    private final BillingService service;
    private final Agreements agreements;
    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    BillingHomeSection(BillingService service, Agreements agreements, JdbcClient jdbc, java.time.Clock clock) {
        this.service = service;
        this.agreements = agreements;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<WorkItem> work(CurrentUser user) {
        List<WorkItem> items = new ArrayList<>();
        switch (user.role()) {
            case FINANCE -> {
                List<BillingViews.InvoiceSummary> invoices = service.list(null, user);
                items.add(WorkItem.urgent(10, "runs-due", "work.runsDue", runsDue(user), "/billing/invoices"));
                items.add(WorkItem.urgent(11, "invoices-unpaid", "work.invoicesUnpaid", unpaid(invoices), "/billing/invoices"));
                items.add(WorkItem.urgent(12, "disputes-open", "work.disputesOpen",
                        service.disputes(null, "OPEN", null, user).size(), "/billing/disputes?status=OPEN"));
            }
            case SENDING_AGENCY -> {
                List<BillingViews.InvoiceSummary> invoices = service.list(null, user);
                items.add(WorkItem.of(30, "invoices", "work.yourInvoices", invoices.size(), "/billing/invoices"));
                items.add(WorkItem.urgent(31, "invoices-unpaid", "work.invoicesUnpaid", unpaid(invoices), "/billing/invoices"));
                items.add(WorkItem.urgent(32, "invoices-unreconciled", "work.invoicesUnreconciled",
                        unreconciled(invoices), "/billing/invoices"));
            }
            default -> {
            }
        }
        return items;
    }

    private static long unpaid(List<BillingViews.InvoiceSummary> invoices) {
        return invoices.stream().filter(i -> i.outstanding().signum() > 0).count();
    }

    private long unreconciled(List<BillingViews.InvoiceSummary> invoices) {
        Set<String> reconciled = new HashSet<>(jdbc.sql("SELECT DISTINCT invoice_number FROM reconciliation")
                .query(String.class).list());
        return invoices.stream().filter(i -> !reconciled.contains(i.number())).count();
    }

    /** Months of each active agreement, from its first day to the last month ended, without an invoice. */
    long runsDue(CurrentUser user) {
        YearMonth lastEnded = YearMonth.from(LocalDate.ofInstant(clock.instant(), BillingZone.DEFAULT)).minusMonths(1);
        long due = 0;
        for (Agreement a : agreements.visibleTo(user)) {
            if (a.status() != AgreementStatus.ACTIVE) {
                continue;
            }
            YearMonth first = YearMonth.from(a.validFrom());
            YearMonth last = a.validTo() == null || YearMonth.from(a.validTo()).isAfter(lastEnded)
                    ? lastEnded : YearMonth.from(a.validTo());
            if (first.isAfter(last)) {
                continue;
            }
            long months = first.until(last, java.time.temporal.ChronoUnit.MONTHS) + 1;
            long billed = jdbc.sql("SELECT count(*) FROM invoice WHERE agreement_code = ? AND period >= ? AND period <= ?")
                    .params(a.code(), first.toString(), last.toString()).query(Long.class).single();
            due += Math.max(0, months - billed);
        }
        return due;
    }

    @Override
    @Transactional(readOnly = true)
    public List<HomeChart> charts(CurrentUser user, Locale locale) {
        if (!user.can(Permission.SUSTAINABILITY_READ)) {
            return List.of();
        }
        int year = LocalDate.ofInstant(clock.instant(), BillingZone.DEFAULT).getYear();
        List<BillingViews.SustainabilityMonth> months = new ArrayList<>(service.sustainability(year - 1, user).months());
        BillingViews.SustainabilityView current = service.sustainability(year, user);
        months.addAll(current.months());
        List<BillingViews.SustainabilityMonth> shown = months.subList(Math.max(0, months.size() - MONTHS_SHOWN), months.size());
        DateTimeFormatter format = DateTimeFormatter.ofPattern("LLL yyyy", locale);
        List<HomeChart.Row> rows = shown.stream().map(m -> new HomeChart.Row(null,
                YearMonth.parse(m.period()).atDay(1).format(format),
                List.of(m.revenue(), m.operatingCost(), m.coveredPercent()), false)).toList();
        BigDecimal revenue = shown.stream().map(BillingViews.SustainabilityMonth::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        return List.of(new HomeChart(40, "revenue", "bars", "dash.revenue", null, "dash.revenueNote",
                revenue.longValue(), "dash.month",
                List.of(HomeChart.Column.money("dash.revenueColumn", current.currency()),
                        HomeChart.Column.money("dash.costColumn", current.currency()),
                        HomeChart.Column.percent("dash.coveredColumn")), rows, false));
    }
}
