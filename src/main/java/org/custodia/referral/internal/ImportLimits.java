package org.custodia.referral.internal;

import java.util.Set;
import org.custodia.common.ApiException;
import org.custodia.common.BodyLimits;
import org.custodia.referral.ReferralProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The bounds of a bulk import ({@code POST /api/v1/referrals/import}): at most {@code custodia.referral.import.max-bytes}
 * of body (a declared {@code Content-Length} above it is refused before a byte is read, a longer body without one as
 * soon as it passes the bound) and at most {@code custodia.referral.import.max-rows} CSV rows or JSON items. Both
 * refusals are {@code 413} problems, given before anything of the import is checked or stored.
 */
@ControllerAdvice(assignableTypes = ReferralController.class)
class ImportLimits extends BodyLimits {

    ImportLimits(@Value("${custodia.referral.import.max-bytes:32MB}") DataSize maxBytes,
                 @Value("${custodia.referral.import.max-rows:20000}") int maxRows) {
        super(Set.of("importCsv", "importJson"), maxBytes, maxRows);
    }

    @Override
    protected ApiException tooLarge(long maxBytes, long maxMegabytes) {
        return new ApiException(ReferralProblem.REFERRAL_IMPORT_TOO_LARGE, "The import is larger than "
                + maxBytes + " bytes (" + maxMegabytes + " MB), the most accepted in one import: split the file");
    }

    @Override
    protected ApiException tooManyRows(int rows, int maxRows) {
        return new ApiException(ReferralProblem.REFERRAL_IMPORT_TOO_MANY_ROWS, "The import has " + rows
                + " rows; at most " + maxRows + " are accepted in one import: split the file");
    }
}
