package org.custodia.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * What {@code POST /api/v1/billing/runs}, {@code .../payments} and {@code .../lines/{line}/disputes} do, for other
 * modules (the demo story). Each runs as the current user under the same checks as the API (scope, a month that has
 * ended, no payment above the balance, one open dispute per line) and is ledgered in the caller's transaction.
 */
public interface BillingRuns {

    /** The month's invoice of the agreement; a second run answers with the invoice of the first. */
    Invoice run(String agreementCode, YearMonth period);

    /** The lines of an invoice, in line order (at most the first 1,000). */
    List<Line> lines(String invoiceNumber);

    /** @return what is left to pay */
    BigDecimal pay(String invoiceNumber, BigDecimal amount, LocalDate paidOn, String reference);

    void dispute(String invoiceNumber, int line, String reason);

    record Invoice(String number, String agreementCode, String period, String status, String currency,
                   BigDecimal total, int lines) {
    }

    record Line(int line, String kind, String prisonerNumber, Integer days, BigDecimal amount) {
    }
}
