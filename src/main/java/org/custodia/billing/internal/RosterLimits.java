package org.custodia.billing.internal;

import java.util.Set;
import org.custodia.billing.BillingProblem;
import org.custodia.common.ApiException;
import org.custodia.common.BodyLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The bounds of a reconciliation roster ({@code POST /api/v1/invoices/{number}/reconciliation}): at most
 * {@code custodia.billing.roster.max-bytes} of body (a declared {@code Content-Length} above it is refused before a
 * byte is read, a longer body without one as soon as it passes the bound) and at most
 * {@code custodia.billing.roster.max-rows} lines. Both refusals are {@code 413} problems, given before the roster is
 * compared or stored. The console's upload is bounded by {@code spring.servlet.multipart.*} only (no row count yet).
 */
@ControllerAdvice(assignableTypes = BillingController.class)
class RosterLimits extends BodyLimits {

    RosterLimits(@Value("${custodia.billing.roster.max-bytes:8MB}") DataSize maxBytes,
                 @Value("${custodia.billing.roster.max-rows:50000}") int maxRows) {
        super(Set.of("reconcileCsv", "reconcileJson"), maxBytes, maxRows);
    }

    @Override
    protected ApiException tooLarge(long maxBytes, long maxMegabytes) {
        return new ApiException(BillingProblem.ROSTER_TOO_LARGE, "The roster is larger than "
                + maxBytes + " bytes (" + maxMegabytes + " MB), the most accepted");
    }

    @Override
    protected ApiException tooManyRows(int rows, int maxRows) {
        return new ApiException(BillingProblem.ROSTER_TOO_MANY_ROWS, "The roster has " + rows
                + " lines; at most " + maxRows + " are accepted");
    }
}
