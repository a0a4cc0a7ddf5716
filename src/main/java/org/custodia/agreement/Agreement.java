package org.custodia.agreement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An agreement between a sending and a receiving party: who may be sent (the eligibility policy), how many
 * (the capacity quota), under which sentence rules, at what price (the fee schedule).
 */
public record Agreement(UUID id, String code, String title, AgreementStatus status, Party sendingParty,
                        Party receivingParty, LocalDate validFrom, LocalDate validTo, int capacityQuota,
                        String sentenceRegime, int gctDaysPerYear, String facilityCode, EligibilityPolicy eligibilityPolicy,
                        List<Fee> feeSchedule, int version) {

    public record EligibilityPolicy(List<EligibilityRule> rules) {
    }

    public boolean isActiveOn(LocalDate day) {
        return status == AgreementStatus.ACTIVE && !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    public boolean involves(String partyCode) {
        return sendingParty.code().equals(partyCode) || receivingParty.code().equals(partyCode);
    }
}
