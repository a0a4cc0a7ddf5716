package org.custodia.referral.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodia.agreement.Agreement;
import org.custodia.common.ApiException;
import org.custodia.identity.CurrentUser;
import org.custodia.ledger.Ledger;
import org.custodia.referral.Dossier;
import org.custodia.referral.Eligibility;
import org.custodia.referral.ReferralStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk import: every referral of the file is validated and evaluated in memory (the agreements once, the live
 * identities and references once, duplicates within the file included), then the valid ones are written in batches.
 * Each batch is a savepoint: should it fail, its referrals are written one by one, each under its own savepoint, so
 * that a referral is written whole or not at all and never takes the others with it.
 */
@Service
class ReferralImportService {

    private static final Logger log = LoggerFactory.getLogger(ReferralImportService.class);
    private static final int BATCH = 500;

    private final ReferralService referrals;
    private final ReferralRepository repository;
    private final Ledger ledger;
    private final TransactionTemplate savepoint;

    ReferralImportService(ReferralService referrals, ReferralRepository repository, Ledger ledger,
                          PlatformTransactionManager transactions) {
        this.referrals = referrals;
        this.repository = repository;
        this.ledger = ledger;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** The outcome of one referral of the import. */
    record Outcome(ImportCandidate candidate, List<ImportCandidate.ImportError> errors,
                   ReferralRepository.NewReferral stored) {
        boolean valid() {
            return errors.isEmpty() && stored != null;
        }
    }

    record Result(UUID importId, int rows, int referrals, int stored, int ineligible, int invalid, List<Outcome> outcomes) {
    }

    @Transactional
    public Result run(int rows, List<ImportCandidate> candidates, CurrentUser user) {
        ReferralService.requireSubmitter(user);
        long started = System.nanoTime();
        LocalDate today = referrals.today();
        Instant now = referrals.now();
        int n = candidates.size();
        List<List<ImportCandidate.ImportError>> errors = new ArrayList<>();
        Dossier[] dossiers = new Dossier[n];
        Agreement[] agreementOf = new Agreement[n];
        Map<String, Object> agreements = new HashMap<>();

        // 1. structure, agreement and scope, each referral on its own
        for (int i = 0; i < n; i++) {
            ImportCandidate c = candidates.get(i);
            List<ImportCandidate.ImportError> problems = new ArrayList<>(c.problems());
            ReferralParser.Result parsed = ReferralParser.parse(c.body(), today);
            parsed.problems().forEach(p -> problems.add(c.translate().apply(p)));
            if (problems.isEmpty()) {
                dossiers[i] = parsed.dossier();
                Object agreement = agreements.computeIfAbsent(parsed.dossier().agreementCode(), code -> {
                    try {
                        return referrals.visibleAgreement(code, user).map(referrals::requireActive)
                                .orElseThrow(() -> ApiException.validation(List.of(ReferralService.unknownAgreement(code))));
                    } catch (ApiException e) {
                        return e;
                    }
                });
                if (agreement instanceof ApiException e) {
                    problems.add(c.translate().apply(e.errors().isEmpty()
                            ? new org.custodia.common.FieldProblem("agreementCode", e.code(), e.getMessage())
                            : e.errors().get(0)));
                } else {
                    agreementOf[i] = (Agreement) agreement;
                }
            }
            errors.add(problems);
        }

        // 2. external references: once per agreement and file
        Map<String, Set<String>> referencesByAgreement = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (errors.get(i).isEmpty()) {
                referencesByAgreement.computeIfAbsent(agreementOf[i].code(), k -> new LinkedHashSet<>())
                        .add(dossiers[i].externalReference());
            }
        }
        Map<String, Set<String>> live = new HashMap<>();
        referencesByAgreement.forEach((code, refs) -> live.put(code, repository.liveReferences(code, refs)));
        Set<String> seenInFile = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (!errors.get(i).isEmpty()) {
                continue;
            }
            ImportCandidate c = candidates.get(i);
            String code = agreementOf[i].code();
            String reference = dossiers[i].externalReference();
            if (!seenInFile.add(code + "\u0000" + reference)) {
                errors.get(i).add(c.translate().apply(new org.custodia.common.FieldProblem("externalReference",
                        "DUPLICATE_EXTERNAL_REFERENCE", "externalReference " + reference + " appears earlier in this import")));
            } else if (live.get(code).contains(reference)) {
                errors.get(i).add(c.translate().apply(new org.custodia.common.FieldProblem("externalReference",
                        "REFERRAL_EXISTS", "A referral with externalReference " + reference + " is already in progress")));
            }
        }

        // 3. the identities already referred or in custody, loaded once; then evaluate in file order. No lock while the
        //    import works: the trigger referral_identity_key_live (V103) checks the stored ones again at the commit.
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (errors.get(i).isEmpty()) {
                keys.addAll(IdentityKeys.of(dossiers[i].person()));
            }
        }
        IdentityRegistry registry = IdentityRegistry.of(repository.liveHolders(keys));
        ReferralRepository.NewReferral[] prepared = new ReferralRepository.NewReferral[n];
        for (int i = 0; i < n; i++) {
            if (!errors.get(i).isEmpty()) {
                continue;
            }
            Eligibility eligibility = referrals.evaluate(dossiers[i], agreementOf[i], today, registry, null);
            prepared[i] = referrals.newReferral(UUID.randomUUID(), agreementOf[i], dossiers[i], eligibility,
                    user.username(), now);
            if (prepared[i].status().isLive()) {
                for (String key : IdentityKeys.of(dossiers[i].person())) {
                    registry.add(new IdentityRegistry.Holder(prepared[i].id(), dossiers[i].externalReference(),
                            agreementOf[i].code(), prepared[i].status(), key));
                }
            }
        }
        long evaluated = System.nanoTime();

        // 4. write in batches, each under a savepoint; a failing batch is written again referral by referral
        List<Integer> valid = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (prepared[i] != null) {
                valid.add(i);
            }
        }
        for (int from = 0; from < valid.size(); from += BATCH) {
            List<Integer> batch = valid.subList(from, Math.min(valid.size(), from + BATCH));
            if (!write(batch.stream().map(i -> prepared[i]).toList())) {
                for (int i : batch) {
                    if (!write(List.of(prepared[i]))) {
                        errors.get(i).add(candidates.get(i).translate().apply(new org.custodia.common.FieldProblem(
                                "externalReference", "NOT_STORED", "The referral could not be stored; nothing of it was written")));
                        prepared[i] = null;
                    }
                }
            }
        }

        List<Outcome> outcomes = new ArrayList<>();
        int stored = 0;
        int ineligible = 0;
        int invalid = 0;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            outcomes.add(new Outcome(candidates.get(i), List.copyOf(errors.get(i)), prepared[i]));
            if (prepared[i] != null) {
                stored++;
                ids.add(prepared[i].id().toString());
                if (prepared[i].status() == ReferralStatus.INELIGIBLE) {
                    ineligible++;
                }
            } else {
                invalid++;
            }
        }
        UUID importId = UUID.randomUUID();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("rows", rows);
        summary.put("referrals", n);
        summary.put("stored", stored);
        summary.put("ineligible", ineligible);
        summary.put("invalid", invalid);
        summary.put("referralIds", ids);
        ledger.append("REFERRAL_IMPORT", "REFERRAL_IMPORT", importId.toString(), summary);
        log.info("Import {} by {}: {} rows, {} referrals, {} stored ({} ineligible), {} invalid; evaluated in {} ms, "
                        + "written in {} ms", importId, user.username(), rows, n, stored, ineligible, invalid,
                (evaluated - started) / 1_000_000, (System.nanoTime() - evaluated) / 1_000_000);
        return new Result(importId, rows, n, stored, ineligible, invalid, outcomes);
    }

    /** Writes referrals and their ledger entries under one savepoint; false (and nothing written) when it fails. */
    private boolean write(List<ReferralRepository.NewReferral> batch) {
        try {
            savepoint.executeWithoutResult(status -> {
                repository.insertAll(batch);
                batch.forEach(referrals::ledgerSubmission);
            });
            return true;
        } catch (RuntimeException e) {
            log.warn("Import batch of {} referral(s) rolled back to its savepoint: {}", batch.size(), e.getMessage());
            return false;
        }
    }
}
