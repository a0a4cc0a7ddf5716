package org.custodia.sentence.internal;

import java.util.ArrayList;
import java.util.List;
import org.custodia.sentence.SentenceCalculation;
import org.custodia.sentence.SentenceRequest;

/**
 * No good conduct time or other credit: the release is at the full term date (start + term - 1 day - jail
 * credit), not moved for weekends or holidays. Terms are grouped as for every regime: consecutive terms aggregate,
 * concurrent terms run side by side and the latest release governs.
 */
final class NoCreditsRegime implements SentenceRegime {

    static final String CODE = "NO_CREDITS";

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public SentenceCalculation compute(SentenceRequest request, Language language) {
        List<TermGroup> groups = TermGroup.of(request.terms());
        Breakdown b = new Breakdown(language);
        List<Outcome> outcomes = new ArrayList<>();
        for (TermGroup group : groups) {
            if (!TermSteps.describe(b, group, groups.size(), request.terms())) {
                outcomes.add(Outcome.life(group.number()));
                continue;
            }
            b.add("NO_CREDITS", 0, null);
            b.addText("RELEASE_DATE", "RELEASE_AT_FULL_TERM", null, group.fullTermDate(),
                    Breakdown.date(group.fullTermDate()));
            outcomes.add(new Outcome(group.number(), false, group.fullTermDate(), 0, 0, group.fullTermDate(),
                    group.fullTermDate()));
        }
        if (!request.forfeitures().isEmpty()) {
            int count = request.forfeitures().size();
            b.add("FORFEITURE_NOT_APPLICABLE", 0, null, b.text(count == 1 ? "sanction" : "sanctions", count));
        }
        return Outcome.governing(outcomes, b).toCalculation(CODE, b);
    }
}
