package org.custodia.billing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.custodia.billing.BillingRuns;
import org.custodia.identity.Users;
import org.springframework.stereotype.Component;

/** The public face of {@link BillingService}'s runs, payments and disputes, as the current user. */
@Component
class BillingRunsAdapter implements BillingRuns {

    private final BillingService service;
    private final Users users;

    BillingRunsAdapter(BillingService service, Users users) {
        this.service = service;
        this.users = users;
    }

    @Override
    public Invoice run(String agreementCode, YearMonth period) {
        var s = service.summary(service.run(new BillingViews.RunRequest(agreementCode, period.toString()),
                users.requireCurrent()));
        return new Invoice(s.number(), s.agreementCode(), s.period(), s.status(), s.currency(), s.total(), s.lines());
    }

    @Override
    public List<Line> lines(String invoiceNumber) {
        return service.lines(invoiceNumber, 0, 1000, users.requireCurrent()).lines().stream()
                .map(l -> new Line(l.line(), l.kind(), l.prisonerNumber(), l.days(), l.amount())).toList();
    }

    @Override
    public BigDecimal pay(String invoiceNumber, BigDecimal amount, LocalDate paidOn, String reference) {
        return service.pay(invoiceNumber, new BillingViews.PaymentRequest(amount.toPlainString(), paidOn, reference),
                users.requireCurrent()).outstanding();
    }

    @Override
    public void dispute(String invoiceNumber, int line, String reason) {
        service.dispute(invoiceNumber, line, new BillingViews.DisputeRequest(reason), users.requireCurrent());
    }
}
