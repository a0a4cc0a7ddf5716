package org.custodia.referral;

import java.time.LocalDate;
import java.util.List;

/** Every finding of one evaluation of the policy; eligible when no finding failed. */
public record Eligibility(boolean eligible, LocalDate evaluatedOn, List<Finding> findings) {

    public Eligibility {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }

    public static Eligibility of(LocalDate evaluatedOn, List<Finding> findings) {
        return new Eligibility(findings.stream().noneMatch(f -> f.outcome() == Finding.Outcome.FAIL), evaluatedOn, findings);
    }
}
