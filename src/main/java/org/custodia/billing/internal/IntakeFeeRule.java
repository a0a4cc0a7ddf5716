package org.custodia.billing.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.Fee;
import org.custodia.agreement.FeeKind;
import org.custodia.custody.CustodyDays;
import org.springframework.stereotype.Component;

/** INTAKE_FEE: once per admission, in the month of the admission date, at the intake fee in force that day. */
@Component
class IntakeFeeRule {

    List<LineDraft> lines(Agreement agreement, LocalDate first, LocalDate last, List<CustodyDays.Stay> stays) {
        List<LineDraft> lines = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CustodyDays.Stay s : stays) {
            if (s.admittedOn().isBefore(first) || s.admittedOn().isAfter(last) || !seen.add(s.prisonerNumber())) {
                continue;
            }
            Optional<Fee> fee = agreement.feeSchedule().stream()
                    .filter(f -> f.kind() == FeeKind.INTAKE_FEE && f.appliesOn(s.admittedOn())).findFirst();
            fee.ifPresent(f -> lines.add(new LineDraft(LineDraft.INTAKE_FEE, s.prisonerNumber(), s.externalReference(),
                    s.securityLevel(), s.admittedOn(), s.admittedOn(), null, f.amount(), LineDraft.money(f.amount()),
                    null, null, null, null, null, s.admissionEvent(), null)));
        }
        return lines;
    }
}
