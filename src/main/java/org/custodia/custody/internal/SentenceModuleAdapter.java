package org.custodia.custody.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.custodia.common.FieldProblem;
import org.custodia.custody.AdmissionCommand.Conviction;
import org.custodia.sentence.SentenceCalculation;
import org.custodia.sentence.SentenceCalculator;
import org.custodia.sentence.SentenceRequest;
import org.custodia.sentence.SentenceRequest.Relation;
import org.springframework.stereotype.Component;

/**
 * Hands a prisoner's convictions and forfeitures to the sentence module ({@link SentenceCalculator}) and names its
 * problems as the fields of the custody API.
 */
@Component
class SentenceModuleAdapter implements SentenceDates.Calculator {

    private final SentenceCalculator calculator;

    SentenceModuleAdapter(SentenceCalculator calculator) {
        this.calculator = calculator;
    }

    @Override
    public SentenceDates compute(SentenceDates.Input input) {
        SentenceCalculation c = calculator.calculate(request(input));
        LocalDate start = input.convictions().stream().map(Conviction::sentenceStartDate).filter(Objects::nonNull)
                .min(LocalDate::compareTo).orElse(null);
        return new SentenceDates(c.regime(), c.life(), start, c.fullTermDate(), c.goodConductTimeDays(),
                c.forfeitedGoodConductTimeDays(), c.projectedReleaseDate(), c.releaseDate(), c.breakdown(),
                input.forfeitures());
    }

    @Override
    public java.util.Set<String> regimes() {
        return calculator.regimes();
    }

    @Override
    public List<FieldProblem> problems(SentenceDates.Input input) {
        List<FieldProblem> problems = new ArrayList<>();
        for (FieldProblem p : calculator.problems(request(input))) {
            String field = p.field();
            if (field.equals("terms") || field.equals("regime") || field.equals("gctDaysPerYear")) {
                continue; // the admission checks these itself, with or without convictions
            }
            field = field.replaceFirst("^terms\\[(\\d+)]\\.term", "convictions[$1].sentence")
                    .replaceFirst("^terms\\[(\\d+)]\\.startDate", "convictions[$1].sentenceStartDate")
                    .replaceFirst("^terms\\[", "convictions[")
                    .replaceFirst("^regime$", "sentenceRegime");
            problems.add(new FieldProblem(field, p.code(), p.message()));
        }
        return problems;
    }

    private static SentenceRequest request(SentenceDates.Input input) {
        List<SentenceRequest.Sentence> terms = new ArrayList<>();
        List<Conviction> convictions = input.convictions() == null ? List.of() : input.convictions();
        for (int i = 0; i < convictions.size(); i++) {
            Conviction c = convictions.get(i);
            if (c == null) {
                terms.add(null);
                continue;
            }
            Relation relation = i > 0 && "CONSECUTIVE".equals(c.relation()) ? Relation.CONSECUTIVE : Relation.CONCURRENT;
            SentenceRequest.Term term = c.sentence() == null ? null : new SentenceRequest.Term(c.sentence().years(),
                    c.sentence().months(), c.sentence().days(), c.sentence().life());
            terms.add(new SentenceRequest.Sentence(c.sentenceStartDate(), term,
                    c.jailCreditDays() == null ? 0 : c.jailCreditDays(), relation));
        }
        return new SentenceRequest(input.regime(), terms, input.gctDaysPerYear(), input.forfeitures(), input.locale());
    }
}
