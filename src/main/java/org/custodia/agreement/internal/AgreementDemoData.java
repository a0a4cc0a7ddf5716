package org.custodia.agreement.internal;

import org.custodia.agreement.AgreementStatus;
import org.custodia.agreement.FeeKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.custodia.agreement.Agreement;
import java.util.Map;
import org.custodia.agreement.Party;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The parties US and SV and the agreement US-SV-2025 of the demo run; loaded once, ledgered like any change. */
@Component
@Profile("demo")
@Order(20)
class AgreementDemoData implements ApplicationRunner {

    static final String CODE = "US-SV-2025";
    /** Rules the demo policy gained after its first version. */
    private static final List<String> ADDED_RULES = List.of("FIT_TO_TRAVEL", "DUPLICATE_PERSON");
    private static final Logger log = LoggerFactory.getLogger(AgreementDemoData.class);

    /** The demo story's record of CECOT's own population (org.custodia.demo): not a transfer, El Salvador's prisoners. */
    static final String NATIONAL = "SV-NACIONAL";
    static final String NATIONAL_PARTY = "SV-OJ";

    private final AgreementService service;
    private final AgreementRepository repository;
    private final boolean story;

    AgreementDemoData(AgreementService service, AgreementRepository repository,
                      @org.springframework.beans.factory.annotation.Value("${custodia.demo.story:false}") boolean story) {
        this.service = service;
        this.repository = repository;
        this.story = story;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (repository.party("US").isEmpty()) {
            service.createParty(new Party("US", "United States of America", "US"));
        }
        if (repository.party("SV").isEmpty()) {
            service.createParty(new Party("SV", "República de El Salvador", "SV"));
        }
        if (story) {
            national();
        }
        Optional<Agreement> existing = repository.find(CODE);
        if (existing.isPresent()) {
            addMissingRules(existing.get());
            return;
        }
        service.create(new AgreementRequest(CODE,
                "Custody of convicted persons from the United States at CECOT", "US", "SV", AgreementStatus.ACTIVE,
                LocalDate.of(2025, 3, 1), null, 300, "US_FEDERAL_FSA", 54, "CECOT",
                new AgreementRequest.Policy(List.of(
                        new AgreementRequest.Rule("FINAL_CONVICTION_REQUIRED", Map.of()),
                        new AgreementRequest.Rule("COMMITMENT_ORDER_REQUIRED", Map.of()),
                        new AgreementRequest.Rule("MIN_REMAINING_SENTENCE_DAYS", Map.of("days", 180)),
                        new AgreementRequest.Rule("ADULTS_ONLY", Map.of("minimumAge", 18)),
                        new AgreementRequest.Rule("SEX_OF_FACILITY", Map.of("sex", "MALE")),
                        new AgreementRequest.Rule("FIT_TO_TRAVEL", Map.of()),
                        new AgreementRequest.Rule("DUPLICATE_PERSON", Map.of()))),
                List.of(new AgreementRequest.FeeLine(FeeKind.CUSTODY_DAY, "55.00", "USD", LocalDate.of(2025, 3, 1), null),
                        new AgreementRequest.FeeLine(FeeKind.INTAKE_FEE, "250.00", "USD", LocalDate.of(2025, 3, 1), null))));
        log.info("Demo agreement {} created", CODE);
    }

    /**
     * The demo story's CECOT population is El Salvador's own prisoners, committed by its courts: the model admits
     * people only under an agreement, so they are recorded under one of their own between the Salvadoran judiciary
     * and the prison service, with no fee (El Salvador does not bill itself) and only the rules the facility itself
     * imposes. Created once, ledgered like any agreement.
     */
    private void national() {
        if (repository.party(NATIONAL_PARTY).isEmpty()) {
            service.createParty(new Party(NATIONAL_PARTY, "Órgano Judicial de El Salvador", "SV"));
        }
        if (repository.find(NATIONAL).isPresent()) {
            return;
        }
        service.create(new AgreementRequest(NATIONAL,
                "Población nacional del CECOT: reclusos condenados por tribunales de El Salvador (no es un traslado)",
                NATIONAL_PARTY, "SV", AgreementStatus.ACTIVE, LocalDate.of(2023, 1, 31), null, 20000, "NO_CREDITS", 0,
                "CECOT", new AgreementRequest.Policy(List.of(
                        new AgreementRequest.Rule("FINAL_CONVICTION_REQUIRED", Map.of()),
                        new AgreementRequest.Rule("ADULTS_ONLY", Map.of("minimumAge", 18)),
                        new AgreementRequest.Rule("SEX_OF_FACILITY", Map.of("sex", "MALE")),
                        new AgreementRequest.Rule("DUPLICATE_PERSON", Map.of()))),
                List.of(new AgreementRequest.FeeLine(FeeKind.CUSTODY_DAY, "0.00", "USD", LocalDate.of(2023, 1, 31), null))));
        log.info("Demo agreement {} (CECOT's own population, for the demo story) created", NATIONAL);
    }

    /** A demo agreement created by an earlier version gets the rules added since, as an amendment (ledgered). */
    private void addMissingRules(Agreement a) {
        List<AgreementRequest.Rule> rules = new ArrayList<>(a.eligibilityPolicy().rules().stream()
                .map(r -> new AgreementRequest.Rule(r.rule(), r.parameters())).toList());
        List<String> listed = rules.stream().map(AgreementRequest.Rule::rule).toList();
        List<String> missing = ADDED_RULES.stream().filter(r -> !listed.contains(r)).toList();
        if (missing.isEmpty()) {
            return;
        }
        missing.forEach(r -> rules.add(new AgreementRequest.Rule(r, Map.of())));
        service.amend(CODE, new AgreementRequest(a.code(), a.title(), a.sendingParty().code(), a.receivingParty().code(),
                a.status(), a.validFrom(), a.validTo(), a.capacityQuota(), a.sentenceRegime(), a.gctDaysPerYear(),
                a.facilityCode(), new AgreementRequest.Policy(rules), a.feeSchedule().stream()
                .map(f -> new AgreementRequest.FeeLine(f.kind(), f.amount().toPlainString(), f.currency(),
                        f.effectiveFrom(), f.effectiveTo())).toList()));
        log.info("Demo agreement {} amended: rules {} added", CODE, missing);
    }
}
