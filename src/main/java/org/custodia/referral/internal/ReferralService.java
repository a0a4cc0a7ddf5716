package org.custodia.referral.internal;

import org.custodia.referral.ReferralProblem;
import org.custodia.agreement.AgreementProblem;
import org.custodia.common.CommonProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.Agreements;
import org.custodia.common.ApiException;
import org.custodia.common.CanonicalJson;
import org.custodia.common.FieldProblem;
import org.custodia.custody.PrisonerReleased;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Role;
import org.custodia.ledger.Ledger;
import org.custodia.referral.Dossier;
import org.custodia.referral.Eligibility;
import org.custodia.referral.ReferralAccepted;
import org.custodia.referral.ReferralRejected;
import org.custodia.referral.ReferralSnapshot;
import org.custodia.referral.ReferralStatus;
import org.custodia.referral.ReferralWithdrawn;
import org.custodia.referral.Referrals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Referrals: submission (structural validation, then the eligibility engine), reads within the caller's scope,
 * the intake officer's decision (re-evaluation and the quota), withdrawal, and the transitions transport and custody
 * ask for. Every change is ledgered in its own transaction.
 */
@Service
class ReferralService implements Referrals {

    private static final Logger log = LoggerFactory.getLogger(ReferralService.class);
    static final String SUBJECT = "REFERRAL";

    private final ReferralRepository repository;
    private final Agreements agreements;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final EligibilityEngine engine;
    private final RequestValidation requests;
    private final long countLimit;

    ReferralService(ReferralRepository repository, Agreements agreements, Ledger ledger, ApplicationEventPublisher events,
                    JdbcClient jdbc, Clock clock, EligibilityEngine engine, RequestValidation requests,
                    @org.springframework.beans.factory.annotation.Value("${custodia.referral.count-limit:1000}")
                    long countLimit) {
        this.countLimit = countLimit;
        this.repository = repository;
        this.agreements = agreements;
        this.ledger = ledger;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.engine = engine;
        this.requests = requests;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    Instant now() {
        return clock.instant();
    }

    /** Evaluates a dossier under its agreement as of a day, against who is referred or in custody now. */
    Eligibility evaluate(Dossier dossier, Agreement agreement, LocalDate asOf, IdentityRegistry registry, UUID self) {
        return engine.evaluate(new EvaluationContext(dossier, agreement, asOf, registry, self));
    }

    // --- submission ---

    /**
     * Reads, evaluates and stores a referral: SUBMITTED when eligible, INELIGIBLE (with its findings) when not. Only
     * an unreadable body is refused (400 listing every failure, an agreement unknown to the caller among them).
     */
    @Transactional
    public ReferralSnapshot submit(JsonNode body, CurrentUser user) {
        requireSubmitter(user);
        LocalDate today = today();
        ReferralParser.Result parsed = ReferralParser.parse(body, today);
        List<FieldProblem> problems = new ArrayList<>(parsed.problems());
        String code = agreementCodeOf(body);
        Optional<Agreement> visible = code == null ? Optional.empty() : visibleAgreement(code, user);
        if (code != null && visible.isEmpty()) {
            problems.add(unknownAgreement(code));
        }
        if (!problems.isEmpty()) {
            throw ApiException.validation(problems);
        }
        Dossier dossier = parsed.dossier();
        Agreement agreement = requireActive(visible.get());
        repository.liveReference(agreement.code(), dossier.externalReference()).ifPresent(existing -> {
            throw new ApiException(ReferralProblem.REFERRAL_EXISTS, "Referral " + existing + " with external reference "
                    + dossier.externalReference() + " is already in progress under " + agreement.code());
        });
        // No lock: the committed holders now, and the trigger referral_identity_key_live checks again at commit (V103).
        IdentityRegistry registry = IdentityRegistry.of(repository.liveHolders(IdentityKeys.of(dossier.person())));
        Eligibility eligibility = evaluate(dossier, agreement, today, registry, null);
        ReferralRepository.NewReferral referral = newReferral(UUID.randomUUID(), agreement, dossier, eligibility,
                user.username(), clock.instant());
        repository.insert(referral);
        ledgerSubmission(referral);
        return repository.find(referral.id()).orElseThrow();
    }

    ReferralRepository.NewReferral newReferral(UUID id, Agreement agreement, Dossier dossier, Eligibility eligibility,
                                               String by, Instant at) {
        String json = CanonicalJson.write(dossier);
        return new ReferralRepository.NewReferral(id, agreement.sendingParty().code(),
                eligibility.eligible() ? ReferralStatus.SUBMITTED : ReferralStatus.INELIGIBLE, dossier, json,
                CanonicalJson.sha256(json), eligibility, by, at);
    }

    /**
     * The submission with its first finding set, as one ledger entry in the caller's transaction: the dossier, its
     * SHA-256 (the hash stored with the referral) and every finding. Later evaluations are entries of their own.
     */
    void ledgerSubmission(ReferralRepository.NewReferral r) {
        Map<String, Object> submitted = new LinkedHashMap<>();
        submitted.put("agreementCode", r.dossier().agreementCode());
        submitted.put("externalReference", r.dossier().externalReference());
        submitted.put("status", r.status().name());
        submitted.put("dossierSha256", r.dossierHash());
        submitted.put("dossier", CanonicalJson.read(r.dossierJson()));
        submitted.put("evaluation", evaluationPayload("SUBMISSION", r.status(), r.eligibility()));
        ledger.append("REFERRAL_SUBMITTED", SUBJECT, r.id().toString(), submitted);
    }

    private static Map<String, Object> evaluationPayload(String purpose, ReferralStatus status, Eligibility eligibility) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("purpose", purpose);
        payload.put("status", status.name());
        payload.put("eligible", eligibility.eligible());
        payload.put("evaluatedOn", eligibility.evaluatedOn().toString());
        payload.put("findings", eligibility.findings());
        return payload;
    }

    /** The agreement a user may submit under: a sending agency only under agreements its state sends under. */
    Optional<Agreement> visibleAgreement(String code, CurrentUser user) {
        return agreements.find(code)
                .filter(a -> user.role() != Role.SENDING_AGENCY || a.sendingParty().code().equals(user.partyCode()));
    }

    static FieldProblem unknownAgreement(String code) {
        return new FieldProblem("agreementCode", AgreementProblem.AGREEMENT_NOT_FOUND.name(), "No agreement " + code);
    }

    /** 409 AGREEMENT_NOT_ACTIVE unless the agreement is in force today. */
    Agreement requireActive(Agreement agreement) {
        if (!agreement.isActiveOn(today())) {
            throw new ApiException(AgreementProblem.AGREEMENT_NOT_ACTIVE, "Agreement " + agreement.code()
                    + " is not in force on " + today());
        }
        return agreement;
    }

    private static String agreementCodeOf(JsonNode body) {
        JsonNode code = body == null || !body.isObject() ? null : body.get("agreementCode");
        return code != null && code.isString() && !code.stringValue().isBlank() ? code.stringValue().strip() : null;
    }

    /**
     * The identity check's turn, held to the caller's commit. Submissions and imports no longer take it while they
     * work: the trigger {@code referral_identity_key_live} (V103) takes it at their commit and checks again, so two
     * referrals of one person cannot both pass. Recording a person already held (a migration) still takes it here.
     */
    void lockIdentities() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('custodia.referral.identity'))").query((rs, n) -> 1).list();
    }

    static void requireSubmitter(CurrentUser user) {
        if (user.role() != Role.SENDING_AGENCY && user.role() != Role.ADMIN) {
            throw new ApiException(CommonProblem.ACCESS_DENIED, "Only a sending agency submits referrals");
        }
    }

    // --- reads ---

    @Transactional(readOnly = true)
    public ReferralSnapshot get(UUID id, CurrentUser user) {
        if (!repository.isVisible(id, scopeOf(user))) {
            throw notFound(id);
        }
        return repository.find(id).orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    public List<Eligibility> evaluations(UUID id, CurrentUser user) {
        get(id, user);
        return repository.evaluations(id);
    }

    /** A page of referrals, newest first. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "ReferralPage", description = "A page of referrals, newest first")
    record Page(@io.swagger.v3.oas.annotations.media.Schema(description = "The referrals of the page") List<ReferralRepository.Summary> items,
                @io.swagger.v3.oas.annotations.media.Schema(description = "The page, from 0") int page,
                @io.swagger.v3.oas.annotations.media.Schema(description = "The page size") int size,
                @io.swagger.v3.oas.annotations.media.Schema(description = "Referrals matching, on every page; when totalExact "
                        + "is false, a lower bound: more than this many match (the count stops at 1,000, or at the end "
                        + "of the page asked for if that lies further)") long total,
                @io.swagger.v3.oas.annotations.media.Schema(description = "Whether total is the exact count; false means "
                        + "more than total match, and there is a next page") boolean totalExact) {
    }

    /**
     * A page, newest first. The total is counted no further than {@code custodia.referral.count-limit} (1,000) or the
     * end of this page: a list of 100,000 referrals does not count them all on every page; a page that is not full
     * is the last, and gives the total without counting.
     */
    @Transactional(readOnly = true)
    public Page search(ReferralRepository.Filter filter, int page, int size, CurrentUser user) {
        ReferralRepository.Scope scope = scopeOf(user);
        List<ReferralRepository.Summary> items = repository.search(filter, scope, page, size);
        long offset = (long) page * size;
        if (items.size() < size && (!items.isEmpty() || page == 0)) {
            return new Page(items, page, size, offset + items.size(), true);
        }
        long bound = Math.max(countLimit, offset + size);
        long counted = repository.countUpTo(filter, scope, bound + 1);
        return counted > bound ? new Page(items, page, size, bound, false) : new Page(items, page, size, counted, true);
    }

    @Transactional(readOnly = true)
    public Map<ReferralStatus, Long> pipeline(ReferralRepository.Filter filter, CurrentUser user) {
        return repository.countByStatus(filter, scopeOf(user));
    }

    static ReferralRepository.Scope scopeOf(CurrentUser user) {
        return switch (user.role()) {
            case SENDING_AGENCY -> new ReferralRepository.Scope(user.partyCode(), null);
            case CONSULAR -> new ReferralRepository.Scope(null, user.nationality());
            default -> ReferralRepository.Scope.ALL;
        };
    }

    static ApiException notFound(UUID id) {
        return new ApiException(ReferralProblem.REFERRAL_NOT_FOUND, "No referral " + id);
    }

    // --- decision ---

    /** The answer to a decision: the referral as it now stands, and the refusal if the decision was refused. */
    record DecisionOutcome(ReferralSnapshot referral, ApiException refusal) {
    }

    /**
     * Accepts or rejects a SUBMITTED referral. An acceptance re-evaluates the policy as it stands today and keeps the
     * new findings even when it is refused (so the refusal is returned, not thrown: the caller throws it after the
     * commit). The quota is counted under a per-agreement lock, so concurrent acceptances cannot overrun it.
     */
    @Transactional
    public DecisionOutcome decide(UUID id, DecisionRequest request, CurrentUser user) {
        if (user.role() != Role.INTAKE_OFFICER) {
            throw new ApiException(CommonProblem.ACCESS_DENIED, "Only an intake officer decides on referrals");
        }
        requests.validate(request);
        DecisionRequest.Decision decision = request.decision();
        String reason = request.reason();
        ReferralSnapshot referral = repository.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (referral.submittedBy().equals(user.username())) {
            throw new ApiException(ReferralProblem.DECIDER_IS_SUBMITTER, "The officer who submitted a referral cannot decide on it");
        }
        if (decision == DecisionRequest.Decision.ACCEPT && referral.status() == ReferralStatus.INELIGIBLE) {
            throw new ApiException(ReferralProblem.REFERRAL_NOT_ELIGIBLE, "Referral " + id + " is ineligible: "
                    + failedRules(referral.eligibility()));
        }
        if (referral.status() != ReferralStatus.SUBMITTED) {
            throw new ApiException(ReferralProblem.REFERRAL_NOT_PENDING, "Referral " + id + " is " + referral.status()
                    + ", not awaiting a decision");
        }
        Instant now = clock.instant();
        String trimmed = reason.strip();
        if (decision == DecisionRequest.Decision.REJECT) {
            repository.recordDecision(id, ReferralStatus.REJECTED, "REJECT", trimmed, user.username(), now);
            ledger.append("REFERRAL_REJECTED", SUBJECT, id.toString(), Map.of("reason", trimmed,
                    "agreementCode", referral.agreementCode()));
            events.publishEvent(new ReferralRejected(id, referral.agreementCode(), referral.externalReference(),
                    user.username(), trimmed, now));
            return new DecisionOutcome(repository.find(id).orElseThrow(), null);
        }
        Agreement agreement = agreements.find(referral.agreementCode())
                .orElseThrow(() -> new ApiException(AgreementProblem.AGREEMENT_NOT_ACTIVE, "Agreement " + referral.agreementCode()
                        + " no longer exists"));
        if (!agreement.isActiveOn(today())) {
            throw new ApiException(AgreementProblem.AGREEMENT_NOT_ACTIVE, "Agreement " + agreement.code() + " is not in force on "
                    + today());
        }
        // The quota lock first, before anything is ledgered: every acceptance takes the locks in the same order.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext(?))").param("custodia.referral.quota:" + agreement.code())
                .query((rs, n) -> 1).list();
        IdentityRegistry registry = IdentityRegistry.of(repository.liveHolders(IdentityKeys.of(referral.person())));
        Eligibility eligibility = evaluate(referral.dossier(), agreement, today(), registry, id);
        ReferralStatus afterEvaluation = eligibility.eligible() ? ReferralStatus.SUBMITTED : ReferralStatus.INELIGIBLE;
        repository.recordEvaluation(id, afterEvaluation, eligibility, "DECISION", user.username(), now);
        ledger.append("REFERRAL_EVALUATED", SUBJECT, id.toString(), evaluationPayload("DECISION", afterEvaluation, eligibility));
        if (!eligibility.eligible()) {
            ApiException refusal = new ApiException(ReferralProblem.REFERRAL_NOT_ELIGIBLE, "Referral " + id
                    + " no longer meets the policy of " + agreement.code() + ": " + failedRules(eligibility));
            ledger.append("REFERRAL_ACCEPTANCE_REFUSED", SUBJECT, id.toString(), Map.of("code", refusal.code(),
                    "reason", trimmed));
            return new DecisionOutcome(repository.find(id).orElseThrow(), refusal);
        }
        int held = repository.countHoldingQuota(agreement.code());
        if (held >= agreement.capacityQuota()) {
            ApiException refusal = new ApiException(ReferralProblem.AGREEMENT_QUOTA_EXCEEDED, "Agreement " + agreement.code()
                    + " holds " + held + " of its " + agreement.capacityQuota() + " places");
            ledger.append("REFERRAL_ACCEPTANCE_REFUSED", SUBJECT, id.toString(), Map.of("code", refusal.code(),
                    "reason", trimmed, "held", held, "capacityQuota", agreement.capacityQuota()));
            return new DecisionOutcome(repository.find(id).orElseThrow(), refusal);
        }
        repository.recordDecision(id, ReferralStatus.ACCEPTED, "ACCEPT", trimmed, user.username(), now);
        ledger.append("REFERRAL_ACCEPTED", SUBJECT, id.toString(), Map.of("reason", trimmed,
                "agreementCode", agreement.code(), "placesHeld", held + 1, "capacityQuota", agreement.capacityQuota()));
        events.publishEvent(new ReferralAccepted(id, agreement.code(), referral.externalReference(), user.username(),
                trimmed, now));
        return new DecisionOutcome(repository.find(id).orElseThrow(), null);
    }

    private static String failedRules(Eligibility eligibility) {
        List<String> failed = new ArrayList<>();
        eligibility.findings().stream().filter(f -> f.outcome() == org.custodia.referral.Finding.Outcome.FAIL)
                .forEach(f -> failed.add(f.rule()));
        return "failed " + String.join(", ", failed);
    }

    // --- withdrawal ---

    @Transactional
    public ReferralSnapshot withdraw(UUID id, WithdrawalRequest request, CurrentUser user) {
        if (user.role() != Role.SENDING_AGENCY && user.role() != Role.ADMIN) {
            throw new ApiException(CommonProblem.ACCESS_DENIED, "Only the sending agency withdraws a referral");
        }
        requests.validate(request);
        String reason = request.reason();
        if (!repository.isVisible(id, scopeOf(user))) {
            throw notFound(id);
        }
        ReferralSnapshot referral = repository.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (!referral.status().isWithdrawable()) {
            throw new ApiException(ReferralProblem.REFERRAL_NOT_WITHDRAWABLE, "Referral " + id + " is " + referral.status()
                    + ": it can be withdrawn only before departure");
        }
        Instant now = clock.instant();
        String trimmed = reason.strip();
        repository.recordWithdrawal(id, trimmed, user.username(), now);
        ledger.append("REFERRAL_WITHDRAWN", SUBJECT, id.toString(), Map.of("reason", trimmed,
                "previousStatus", referral.status().name()));
        events.publishEvent(new ReferralWithdrawn(id, referral.agreementCode(), referral.externalReference(),
                referral.status(), user.username(), trimmed, now));
        return repository.find(id).orElseThrow();
    }

    // --- the public API for transport and custody ---

    @Override
    @Transactional(readOnly = true)
    public Optional<ReferralSnapshot> find(UUID id) {
        return repository.find(id);
    }

    @Override
    @Transactional(readOnly = true)
    public Eligibility evaluate(Dossier dossier, LocalDate asOf, UUID self) {
        Agreement agreement = agreements.find(dossier.agreementCode()).orElseThrow(() -> new ApiException(
                AgreementProblem.AGREEMENT_NOT_FOUND, "No agreement " + dossier.agreementCode()));
        IdentityRegistry registry = IdentityRegistry.of(repository.liveHolders(IdentityKeys.of(dossier.person())));
        return evaluate(dossier, agreement, asOf, registry, self);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ReferralSnapshot> findByStatus(String agreementCode, ReferralStatus status) {
        return repository.findByStatus(agreementCode, status);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void markInTransit(UUID id, UUID manifestId) {
        ReferralSnapshot referral = repository.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (referral.status() != ReferralStatus.ACCEPTED) {
            throw new ApiException(ReferralProblem.REFERRAL_NOT_ACCEPTED, "Referral " + id + " is " + referral.status()
                    + ", not ACCEPTED");
        }
        if (manifestId == null) {
            throw new ApiException(ReferralProblem.MANIFEST_REQUIRED, "A referral goes in transit on a manifest");
        }
        repository.markInTransit(id, manifestId, clock.instant());
        ledger.append("REFERRAL_IN_TRANSIT", SUBJECT, id.toString(), Map.of("manifestId", manifestId.toString()));
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void markAdmitted(UUID id, String prisonerNumber) {
        ReferralSnapshot referral = requireInTransit(id);
        if (prisonerNumber == null || prisonerNumber.isBlank()) {
            throw new ApiException(ReferralProblem.PRISONER_NUMBER_REQUIRED, "An admission gives a prisoner number");
        }
        repository.markAdmitted(id, prisonerNumber, clock.instant());
        ledger.append("REFERRAL_ADMITTED", SUBJECT, id.toString(), Map.of("prisonerNumber", prisonerNumber,
                "manifestId", String.valueOf(referral.manifestId())));
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public ReferralSnapshot recordHeld(JsonNode body, LocalDate asOf, String source, String recordedBy) {
        ReferralParser.Result parsed = ReferralParser.parse(body, today());
        if (!parsed.valid()) {
            throw ApiException.validation(parsed.problems().stream().map(p -> new org.custodia.common.FieldProblem(
                    p.field().isEmpty() ? "dossier" : "dossier." + p.field(), p.code(), p.message())).toList());
        }
        Dossier dossier = parsed.dossier();
        Agreement agreement = agreements.find(dossier.agreementCode()).orElseThrow(() -> new ApiException(
                AgreementProblem.AGREEMENT_NOT_FOUND, "No agreement " + dossier.agreementCode()));
        lockIdentities();
        IdentityRegistry registry = IdentityRegistry.of(repository.liveHolders(IdentityKeys.of(dossier.person())));
        Eligibility eligibility = evaluate(dossier, agreement, asOf, registry, null);
        String json = CanonicalJson.write(dossier);
        ReferralRepository.NewReferral referral = new ReferralRepository.NewReferral(UUID.randomUUID(),
                agreement.sendingParty().code(), ReferralStatus.MIGRATED, dossier, json, CanonicalJson.sha256(json),
                eligibility, recordedBy, clock.instant());
        repository.insert(referral);
        jdbc.sql("UPDATE referral SET migration_source = ? WHERE id = ?").params(source, referral.id()).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("agreementCode", agreement.code());
        payload.put("externalReference", dossier.externalReference());
        payload.put("source", source);
        payload.put("dossierSha256", referral.dossierHash());
        payload.put("dossier", CanonicalJson.read(json));
        payload.put("evaluation", evaluationPayload("MIGRATION", ReferralStatus.MIGRATED, eligibility));
        ledger.append("REFERRAL_MIGRATED", SUBJECT, referral.id().toString(), payload);
        return repository.find(referral.id()).orElseThrow();
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void markHandoverRefused(UUID id, String reason) {
        requireInTransit(id);
        String text = reason == null ? "" : reason.strip();
        repository.markHandoverRefused(id, text, clock.instant());
        ledger.append("REFERRAL_HANDOVER_REFUSED", SUBJECT, id.toString(), Map.of("reason", text));
    }

    private ReferralSnapshot requireInTransit(UUID id) {
        ReferralSnapshot referral = repository.findForUpdate(id).orElseThrow(() -> notFound(id));
        if (referral.status() != ReferralStatus.IN_TRANSIT) {
            throw new ApiException(ReferralProblem.REFERRAL_NOT_IN_TRANSIT, "Referral " + id + " is " + referral.status()
                    + ", not IN_TRANSIT");
        }
        return referral;
    }

    /**
     * A released prisoner's referral is RELEASED: its place of the quota is free again. A referral recorded from a
     * custody history stays MIGRATED and is marked released.
     */
    @ApplicationModuleListener
    public void on(PrisonerReleased event) {
        if (event.referralId() == null) {
            return;
        }
        Optional<ReferralSnapshot> found = repository.findForUpdate(event.referralId());
        if (found.isPresent() && found.get().status() == ReferralStatus.MIGRATED) {
            // held since before go-live: the referral keeps its origin, and no longer holds a place or an identity
            repository.markMigratedReleased(event.referralId(),
                    event.effectiveAt() == null ? clock.instant() : event.effectiveAt(), clock.instant());
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("prisonerNumber", event.prisonerNumber());
            payload.put("type", event.type());
            payload.put("effectiveAt", String.valueOf(event.effectiveAt()));
            payload.put("origin", "MIGRATED");
            ledger.append("REFERRAL_RELEASED", SUBJECT, event.referralId().toString(), payload);
            return;
        }
        if (found.isEmpty() || found.get().status() != ReferralStatus.ADMITTED) {
            log.info("Release of {} concerns referral {} in status {}: nothing to do", event.prisonerNumber(),
                    event.referralId(), found.map(r -> r.status().name()).orElse("unknown"));
            return;
        }
        repository.markReleased(event.referralId(), event.effectiveAt() == null ? clock.instant() : event.effectiveAt(),
                clock.instant());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("prisonerNumber", event.prisonerNumber());
        payload.put("type", event.type());
        payload.put("effectiveAt", String.valueOf(event.effectiveAt()));
        ledger.append("REFERRAL_RELEASED", SUBJECT, event.referralId().toString(), payload);
    }
}
