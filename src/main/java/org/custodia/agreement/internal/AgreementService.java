package org.custodia.agreement.internal;

import org.custodia.agreement.AgreementProblem;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.AgreementStatus;
import org.custodia.agreement.Agreements;
import org.custodia.agreement.EligibilityRule;
import org.custodia.agreement.Fee;
import org.custodia.agreement.FeeKind;
import org.custodia.agreement.Party;
import org.custodia.agreement.RuleType;
import org.custodia.common.ApiException;
import org.custodia.common.CommonProblem;
import org.custodia.common.Validation;
import org.custodia.identity.CurrentUser;
import org.custodia.ledger.Ledger;
import org.custodia.sentence.SentenceCalculator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AgreementService implements Agreements {

    private final AgreementRepository repository;
    private final Ledger ledger;
    private final Clock clock;
    private final SentenceCalculator sentences;

    AgreementService(AgreementRepository repository, Ledger ledger, Clock clock, SentenceCalculator sentences) {
        this.repository = repository;
        this.ledger = ledger;
        this.clock = clock;
        this.sentences = sentences;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Agreement> find(String code) {
        return repository.find(code);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Agreement> all() {
        return repository.all();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Agreement> visibleTo(CurrentUser user) {
        return repository.all().stream().filter(a -> canSee(user, a)).toList();
    }

    @Transactional(readOnly = true)
    Agreement visible(CurrentUser user, String code) {
        return repository.find(code).filter(a -> canSee(user, a)).orElseThrow(() -> notFound(code));
    }

    static boolean canSee(CurrentUser user, Agreement agreement) {
        return !user.isScopedToParty() || agreement.involves(user.partyCode());
    }

    @Transactional
    Agreement create(AgreementRequest request) {
        Validation validation = new Validation();
        validation.notBlank(request.code(), "code");
        if (request.code() != null && !request.code().matches("[A-Z0-9][A-Z0-9-]{1,39}")) {
            validation.add("code", "INVALID_FORMAT", "Use 2 to 40 capital letters, digits and dashes");
        }
        Agreement agreement = build(request, UUID.randomUUID(), request.code(), 1, validation);
        if (request.code() != null && repository.find(request.code()).isPresent()) {
            throw new ApiException(AgreementProblem.AGREEMENT_EXISTS, "An agreement with code " + request.code() + " exists");
        }
        repository.insert(agreement, clock.instant());
        ledger.append("AGREEMENT_CREATED", "AGREEMENT", agreement.code(), agreement);
        return agreement;
    }

    @Transactional
    Agreement amend(String code, AgreementRequest request) {
        Agreement current = repository.findForUpdate(code).orElseThrow(() -> notFound(code));
        if (request.version() != null && request.version() != current.version()) {
            throw new ApiException(CommonProblem.STALE_VERSION, "Agreement " + code + " is at version "
                    + current.version() + ", not " + request.version() + ": read it again and redo the change");
        }
        Validation validation = new Validation();
        if (request.code() != null && !request.code().equals(code)) {
            validation.add("code", "IMMUTABLE", "The code of an agreement cannot change");
        }
        Agreement amended = build(request, current.id(), code, current.version() + 1, validation);
        repository.update(amended, clock.instant());
        ledger.append("AGREEMENT_AMENDED", "AGREEMENT", code, amended);
        return amended;
    }

    @Transactional
    Party createParty(Party party) {
        Validation validation = new Validation();
        validation.require(party.code() != null && party.code().matches("[A-Z][A-Z0-9-]{1,19}"), "code",
                "INVALID_FORMAT", "Use 2 to 20 capital letters, digits and dashes");
        validation.notBlank(party.name(), "name");
        validation.require(party.country() != null && party.country().matches("[A-Z]{2}"), "country", "INVALID_FORMAT",
                "An ISO 3166 alpha-2 code such as US");
        validation.throwIfInvalid();
        if (!repository.insertParty(party)) {
            throw new ApiException(AgreementProblem.PARTY_EXISTS, "A party with code " + party.code() + " exists");
        }
        ledger.append("PARTY_CREATED", "PARTY", party.code(), party);
        return party;
    }

    @Transactional(readOnly = true)
    List<Party> parties() {
        return repository.parties();
    }

    /** Checks every field and collects every failure before answering. */
    private Agreement build(AgreementRequest r, UUID id, String code, int version, Validation v) {
        v.notBlank(r.title(), "title");
        Optional<Party> sending = partyOf(r.sendingPartyCode(), "sendingPartyCode", v);
        Optional<Party> receiving = partyOf(r.receivingPartyCode(), "receivingPartyCode", v);
        if (r.sendingPartyCode() != null && r.sendingPartyCode().equals(r.receivingPartyCode())) {
            v.add("receivingPartyCode", "SAME_PARTY", "The receiving party must differ from the sending party");
        }
        AgreementStatus status = r.status();
        v.notNull(status, "status");
        v.notNull(r.validFrom(), "validFrom");
        if (r.validFrom() != null && r.validTo() != null && r.validTo().isBefore(r.validFrom())) {
            v.add("validTo", "INVALID_DATE", "validTo is before validFrom");
        }
        v.notNull(r.capacityQuota(), "capacityQuota");
        if (r.capacityQuota() != null && r.capacityQuota() < 0) {
            v.add("capacityQuota", "OUT_OF_RANGE", "capacityQuota cannot be negative");
        }
        String regime = r.sentenceRegime() == null ? "US_FEDERAL_FSA" : r.sentenceRegime();
        v.require(sentences.regimes().contains(regime), "sentenceRegime", "INVALID_VALUE", "One of " + sentences.regimes());
        int gct = r.gctDaysPerYear() == null ? 54 : r.gctDaysPerYear();
        v.require(gct == 54 || gct == 42 || gct == 0, "gctDaysPerYear", "INVALID_VALUE", "54, 42 or 0");
        v.notBlank(r.facilityCode(), "facilityCode");
        List<EligibilityRule> rules = rules(r.eligibilityPolicy(), v);
        List<Fee> fees = fees(r.feeSchedule(), v);
        v.throwIfInvalid();
        return new Agreement(id, code, r.title(), status, sending.orElseThrow(), receiving.orElseThrow(), r.validFrom(),
                r.validTo(), r.capacityQuota(), regime, gct, r.facilityCode(), new Agreement.EligibilityPolicy(rules),
                fees, version);
    }

    private Optional<Party> partyOf(String code, String field, Validation v) {
        if (code == null || code.isBlank()) {
            v.add(field, "REQUIRED", field + " is required");
            return Optional.empty();
        }
        Optional<Party> party = repository.party(code);
        if (party.isEmpty()) {
            v.add(field, "UNKNOWN_PARTY", "No party with code " + code);
        }
        return party;
    }

    private static List<EligibilityRule> rules(AgreementRequest.Policy policy, Validation v) {
        List<EligibilityRule> rules = new ArrayList<>();
        if (policy == null || policy.rules() == null) {
            v.add("eligibilityPolicy.rules", "REQUIRED", "An agreement needs an eligibility policy");
            return rules;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < policy.rules().size(); i++) {
            AgreementRequest.Rule rule = policy.rules().get(i);
            String field = "eligibilityPolicy.rules[" + i + "]";
            if (rule == null || rule.rule() == null || !RuleType.isKnown(rule.rule())) {
                v.add(field + ".rule", "UNKNOWN_RULE", "One of " + Arrays.toString(RuleType.values()));
                continue;
            }
            if (!seen.add(rule.rule())) {
                v.add(field + ".rule", "DUPLICATE_RULE", rule.rule() + " is listed twice");
            }
            java.util.Map<String, Object> parameters = rule.parameters() == null ? java.util.Map.of() : rule.parameters();
            for (String required : RuleType.valueOf(rule.rule()).requiredParameters()) {
                if (!parameters.containsKey(required)) {
                    v.add(field + ".parameters." + required, "REQUIRED", rule.rule() + " needs " + required);
                }
            }
            if (parameters.containsKey("days") && !(parameters.get("days") instanceof Number n && n.intValue() >= 0)) {
                v.add(field + ".parameters.days", "INVALID_VALUE", "days is a whole number of at least 0");
            }
            rules.add(new EligibilityRule(rule.rule(), parameters));
        }
        return List.copyOf(rules);
    }

    private static List<Fee> fees(List<AgreementRequest.FeeLine> lines, Validation v) {
        List<Fee> fees = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            v.add("feeSchedule", "REQUIRED", "An agreement needs a fee schedule");
            return fees;
        }
        for (int i = 0; i < lines.size(); i++) {
            AgreementRequest.FeeLine line = lines.get(i);
            String field = "feeSchedule[" + i + "]";
            FeeKind kind = line.kind();
            v.notNull(kind, field + ".kind");
            BigDecimal amount = null;
            try {
                amount = line.amount() == null ? null : new BigDecimal(line.amount());
            } catch (NumberFormatException e) {
                // reported below
            }
            if (amount == null || amount.signum() < 0 || amount.scale() > 2) {
                v.add(field + ".amount", "INVALID_AMOUNT", "A decimal string of at least 0 with at most 2 decimals");
                amount = null;
            }
            if (line.currency() == null || !line.currency().matches("[A-Z]{3}")) {
                v.add(field + ".currency", "INVALID_FORMAT", "An ISO 4217 code such as USD");
            }
            if (line.effectiveFrom() == null) {
                v.add(field + ".effectiveFrom", "REQUIRED", "effectiveFrom is required");
            } else if (line.effectiveTo() != null && line.effectiveTo().isBefore(line.effectiveFrom())) {
                v.add(field + ".effectiveTo", "INVALID_DATE", "effectiveTo is before effectiveFrom");
            }
            if (line.securityLevel() != null && (kind != FeeKind.CUSTODY_DAY
                    || !java.util.Set.of("MINIMUM", "MEDIUM", "HIGH", "MAXIMUM").contains(line.securityLevel()))) {
                v.add(field + ".securityLevel", "INVALID_VALUE", "A CUSTODY_DAY fee's level: MINIMUM, MEDIUM, HIGH or MAXIMUM");
            }
            if (kind != null && amount != null && line.effectiveFrom() != null) {
                fees.add(new Fee(kind, amount.setScale(2), line.currency(), line.effectiveFrom(), line.effectiveTo(),
                        line.securityLevel()));
            }
        }
        for (int i = 0; i < fees.size(); i++) {
            for (int j = i + 1; j < fees.size(); j++) {
                Fee a = fees.get(i);
                Fee b = fees.get(j);
                boolean overlap = a.kind() == b.kind() && java.util.Objects.equals(a.securityLevel(), b.securityLevel())
                        && (a.effectiveTo() == null || !b.effectiveFrom().isAfter(a.effectiveTo()))
                        && (b.effectiveTo() == null || !a.effectiveFrom().isAfter(b.effectiveTo()));
                if (overlap) {
                    v.add("feeSchedule", "OVERLAPPING_FEES", "Two " + a.kind() + " fees are in force on the same day");
                }
            }
        }
        if (fees.stream().noneMatch(f -> f.kind() == FeeKind.CUSTODY_DAY) && !v.hasProblems()) {
            v.add("feeSchedule", "CUSTODY_DAY_FEE_REQUIRED", "The schedule needs a CUSTODY_DAY fee");
        }
        return List.copyOf(fees);
    }

    static ApiException notFound(String code) {
        return new ApiException(AgreementProblem.AGREEMENT_NOT_FOUND, "No agreement " + code);
    }
}
