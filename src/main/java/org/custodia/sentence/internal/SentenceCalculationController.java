package org.custodia.sentence.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.custodia.common.FieldProblem;
import org.custodia.common.Validation;
import org.custodia.sentence.SentenceCalculation;
import org.custodia.sentence.SentenceCalculator;
import org.custodia.sentence.SentenceRequest;
import org.custodia.sentence.SentenceRequest.Forfeiture;
import org.custodia.sentence.SentenceRequest.Relation;
import org.custodia.sentence.SentenceRequest.Sentence;
import org.custodia.sentence.SentenceRequest.Term;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Sentences", description = "Release dates under the sentencing state's rules, with a breakdown")
class SentenceCalculationController {

    private static final String SINGLE_PREFIX = "terms[0].";

    private final SentenceCalculator calculator;

    SentenceCalculationController(SentenceCalculator calculator) {
        this.calculator = calculator;
    }

    @PostMapping("/sentence-calculations")
    @Operation(summary = "Compute the full term, good conduct time and release dates of a sentence (any role)",
            description = "Stateless. One term (startDate, term, jailCreditDays) or several (terms, each CONCURRENT "
                    + "or CONSECUTIVE to the one before); optional forfeitures. The breakdown is in English or "
                    + "Spanish: the language field, else Accept-Language (en, es), else English. Invalid input "
                    + "answers 400 VALIDATION_FAILED listing every problem.")
    ResponseEntity<SentenceCalculation> calculate(
            @RequestBody SentenceCalculationBody body, Locale locale) {
        Validation validation = new Validation();
        boolean single = body.terms() == null || body.terms().isEmpty();
        List<Sentence> sentences = new ArrayList<>();
        if (single) {
            sentences.add(new Sentence(body.startDate(), term(body.term()), orZero(body.jailCreditDays()),
                    Relation.CONCURRENT));
        } else {
            if (body.startDate() != null || body.term() != null || body.jailCreditDays() != null) {
                validation.add("terms", "CONFLICTS_WITH_TERM",
                        "Give either startDate, term and jailCreditDays (one term) or terms (several), not both");
            }
            for (int i = 0; i < body.terms().size(); i++) {
                SentenceCalculationBody.TermEntry entry = body.terms().get(i);
                sentences.add(entry == null ? null : new Sentence(entry.startDate(), term(entry.term()),
                        orZero(entry.jailCreditDays()), relation(entry.relation(), i, validation)));
            }
        }
        List<Forfeiture> forfeitures = new ArrayList<>();
        if (body.forfeitures() != null) {
            for (SentenceCalculationBody.ForfeitureBody f : body.forfeitures()) {
                forfeitures.add(f == null ? null : new Forfeiture(f.date(), orZero(f.days()), f.reason()));
            }
        }
        Language language = language(body.language(), locale, validation);
        SentenceRequest request = new SentenceRequest(body.regime(), sentences, body.gctDaysPerYear(), forfeitures,
                language.locale());
        for (FieldProblem problem : calculator.problems(request)) {
            String field = single && problem.field().startsWith(SINGLE_PREFIX)
                    ? problem.field().substring(SINGLE_PREFIX.length()) : problem.field();
            validation.add(field, problem.code(), problem.message());
        }
        validation.throwIfInvalid();
        SentenceCalculation calculation = calculator.calculate(request);
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_LANGUAGE, calculation.language()).body(calculation);
    }

    private static Term term(SentenceCalculationBody.TermBody term) {
        return term == null ? null : new Term(orZero(term.years()), orZero(term.months()), orZero(term.days()),
                Boolean.TRUE.equals(term.life()));
    }

    private static Relation relation(String relation, int index, Validation validation) {
        if (relation == null) {
            return null;
        }
        try {
            return Relation.valueOf(relation.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            validation.add("terms[" + index + "].relation", "INVALID_VALUE", "relation must be CONCURRENT or CONSECUTIVE");
            return Relation.CONCURRENT;
        }
    }

    /** The body's language field, else the request's (identity's LanguageResolver: Accept-Language, else en). */
    private static Language language(String requested, Locale requestLocale, Validation validation) {
        if (requested == null) {
            return Language.of(requestLocale);
        }
        Optional<Language> language = Language.parse(requested);
        if (language.isEmpty()) {
            validation.add("language", "INVALID_VALUE", "language must be en or es");
        }
        return language.orElse(Language.EN);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }
}
