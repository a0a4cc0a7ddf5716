package org.custodia.agreement.internal;

import java.time.LocalDate;
import org.custodia.agreement.AgreementStatus;
import org.custodia.agreement.FeeKind;
import java.util.List;
import java.util.Map;

/**
 * What an administrator sends to create or amend an agreement: the closed lists (status, fee kind) are enums, read
 * as such; everything else is validated as a whole by {@link AgreementService}, every failure listed at once.
 * {@code version}, on an amendment, is the version the administrator read: if the agreement changed since, the
 * amendment is refused with 409 {@code STALE_VERSION} instead of silently overwriting the other change.
 */
record AgreementRequest(String code, String title, String sendingPartyCode, String receivingPartyCode, AgreementStatus status,
                        LocalDate validFrom, LocalDate validTo, Integer capacityQuota, String sentenceRegime,
                        Integer gctDaysPerYear, String facilityCode, Policy eligibilityPolicy, List<FeeLine> feeSchedule,
                        Integer version) {

    /** A request that names no version: amended whatever the current version is. */
    AgreementRequest(String code, String title, String sendingPartyCode, String receivingPartyCode, AgreementStatus status,
                     LocalDate validFrom, LocalDate validTo, Integer capacityQuota, String sentenceRegime,
                     Integer gctDaysPerYear, String facilityCode, Policy eligibilityPolicy, List<FeeLine> feeSchedule) {
        this(code, title, sendingPartyCode, receivingPartyCode, status, validFrom, validTo, capacityQuota,
                sentenceRegime, gctDaysPerYear, facilityCode, eligibilityPolicy, feeSchedule, null);
    }

    record Policy(List<Rule> rules) {
    }

    record Rule(String rule, Map<String, Object> parameters) {
    }

    /** @param securityLevel optional: a CUSTODY_DAY rate for one security level only */
    record FeeLine(FeeKind kind, String amount, String currency, LocalDate effectiveFrom, LocalDate effectiveTo,
                   String securityLevel) {

        FeeLine(FeeKind kind, String amount, String currency, LocalDate effectiveFrom, LocalDate effectiveTo) {
            this(kind, amount, currency, effectiveFrom, effectiveTo, null);
        }
    }
}
