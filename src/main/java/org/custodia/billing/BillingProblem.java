package org.custodia.billing;

import org.custodia.common.ProblemCode;
import org.springframework.http.HttpStatus;

/** The problem codes of billing. Published codes are never renamed or removed. */
public enum BillingProblem implements ProblemCode {
    BILLING_PERIOD_NOT_ENDED(HttpStatus.CONFLICT, "Billing period not ended"),
    DISPUTE_NOT_FOUND(HttpStatus.NOT_FOUND, "Dispute not found"),
    DISPUTE_NOT_OPEN(HttpStatus.CONFLICT, "Dispute not open"),
    DISPUTE_OPEN(HttpStatus.CONFLICT, "Dispute open"),
    INVOICE_LINE_NOT_FOUND(HttpStatus.NOT_FOUND, "Invoice line not found"),
    INVOICE_NOT_FOUND(HttpStatus.NOT_FOUND, "Invoice not found"),
    PAYMENT_EXCEEDS_BALANCE(HttpStatus.CONFLICT, "Payment exceeds balance"),
    /** A reconciliation roster's body is larger than {@code custodia.billing.roster.max-bytes}. */
    ROSTER_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE, "Roster too large"),
    /** A reconciliation roster has more lines than {@code custodia.billing.roster.max-rows}. */
    ROSTER_TOO_MANY_ROWS(HttpStatus.CONTENT_TOO_LARGE, "Roster has too many lines");

    private final HttpStatus status;
    private final String title;

    BillingProblem(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String title() {
        return title;
    }
}
