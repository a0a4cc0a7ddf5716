package org.custodia.referral.internal;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.EligibilityRule;
import org.custodia.agreement.RuleType;
import org.custodia.referral.Consent;
import org.custodia.referral.Conviction;
import org.custodia.referral.Dossier;
import org.custodia.referral.Eligibility;
import org.custodia.referral.Finding;
import org.custodia.referral.Finding.Outcome;
import org.custodia.referral.GangAffiliation;
import org.custodia.referral.Person;

/**
 * Evaluates every rule of an agreement's eligibility policy against a dossier on a given day, and gives every
 * finding: PASS, WARN (a reviewer should look, it does not bar) or FAIL (the referral is ineligible), each with a
 * message in English and Spanish and its evidence. Pure: no database, no clock, no Spring.
 */
final class EligibilityEngine {

    /** An advisory check, evaluated whenever an affiliation other than NONE is claimed; it never fails. */
    static final String GANG_AFFILIATION_EVIDENCE = "GANG_AFFILIATION_EVIDENCE";

    private final ReleaseDateEstimator estimator;

    EligibilityEngine(ReleaseDateEstimator estimator) {
        this.estimator = estimator;
    }

    /**
     * @param self the referral's own id, so that DUPLICATE_PERSON does not find the referral itself (null when new)
     */
    Eligibility evaluate(Dossier dossier, Agreement agreement, LocalDate on, IdentityRegistry registry, UUID self) {
        List<Finding> findings = new ArrayList<>();
        for (EligibilityRule rule : agreement.eligibilityPolicy().rules()) {
            findings.add(evaluate(rule, dossier, agreement, on, registry, self));
        }
        GangAffiliation affiliation = dossier.gangAffiliation();
        if (affiliation != null && affiliation.group() != null && affiliation.group() != GangAffiliation.Group.NONE) {
            findings.add(affiliationEvidence(affiliation));
        }
        return Eligibility.of(on, findings);
    }

    private Finding evaluate(EligibilityRule rule, Dossier d, Agreement agreement, LocalDate on, IdentityRegistry registry,
                             UUID self) {
        RuleType type;
        try {
            type = RuleType.valueOf(rule.rule());
        } catch (IllegalArgumentException e) {
            return new Finding(rule.rule(), Outcome.FAIL, "Unknown rule " + rule.rule() + ": it cannot be checked",
                    "Regla desconocida " + rule.rule() + ": no se puede comprobar", Map.of());
        }
        return switch (type) {
            case FINAL_CONVICTION_REQUIRED -> finalConviction(d, on);
            case COMMITMENT_ORDER_REQUIRED -> commitmentOrder(d, on);
            case MIN_REMAINING_SENTENCE_DAYS -> remainingSentence(d, agreement, on, rule.intParameter("days", 180));
            case ADULTS_ONLY -> adult(d, on, rule.intParameter("minimumAge", 18));
            case SEX_OF_FACILITY -> sex(d, rule.stringParameter("sex", ""));
            case NATIONALITY_ALLOWED -> nationalityAllowed(d, upper(rule.listParameter("nationalities")));
            case NATIONALITY_EXCLUDED -> nationalityExcluded(d, upper(rule.listParameter("nationalities")));
            case CONSENT_REQUIRED -> consent(d);
            case FIT_TO_TRAVEL -> fitToTravel(d);
            case EXCLUDED_OFFENCES -> excludedOffences(d, rule.listParameter("offenceCodes"));
            case DUPLICATE_PERSON -> duplicate(d, registry, self);
        };
    }

    private static Finding finalConviction(Dossier d, LocalDate on) {
        String rule = RuleType.FINAL_CONVICTION_REQUIRED.name();
        List<Map<String, Object>> evidence = new ArrayList<>();
        List<String> finals = new ArrayList<>();
        List<String> notFinal = new ArrayList<>();
        for (Conviction c : d.convictions()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("caseNumber", c.caseNumber());
            e.put("judgmentFinal", c.judgmentFinal());
            e.put("finalSince", c.finalSince() == null ? null : c.finalSince().toString());
            e.put("finalOnEvaluationDate", c.isFinalOn(on));
            evidence.add(e);
            (c.isFinalOn(on) ? finals : notFinal).add(c.caseNumber());
        }
        Map<String, Object> ev = evidence("evaluatedOn", on.toString(), "convictions", evidence);
        if (finals.isEmpty()) {
            List<String> later = d.convictions().stream().filter(c -> c.judgmentFinal() && c.finalSince() != null
                    && c.finalSince().isAfter(on)).map(c -> c.caseNumber() + " (" + c.finalSince() + ")").toList();
            String enLater = later.isEmpty() ? "" : "; final only from a later date: " + String.join(", ", later);
            String esLater = later.isEmpty() ? "" : "; firme solo a partir de una fecha posterior: " + String.join(", ", later);
            return new Finding(rule, Outcome.FAIL,
                    "No conviction is final on " + on + enLater,
                    "Ninguna condena es firme al " + on + esLater, ev);
        }
        if (notFinal.isEmpty()) {
            return new Finding(rule, Outcome.PASS,
                    count(finals.size(), "conviction is", "convictions are") + " final: " + String.join(", ", finals),
                    countEs(finals.size(), "condena firme", "condenas firmes") + ": " + String.join(", ", finals), ev);
        }
        return new Finding(rule, Outcome.WARN,
                finals.size() + " of " + d.convictions().size() + " convictions are final; not final on " + on + ": "
                        + String.join(", ", notFinal) + ". Only the final ones count",
                finals.size() + " de " + d.convictions().size() + " condenas son firmes; no firmes al " + on + ": "
                        + String.join(", ", notFinal) + ". Solo cuentan las firmes", ev);
    }

    private static Finding commitmentOrder(Dossier d, LocalDate on) {
        String rule = RuleType.COMMITMENT_ORDER_REQUIRED.name();
        var order = d.commitmentOrder();
        if (order == null) {
            return new Finding(rule, Outcome.FAIL, "There is no commitment order", "No hay orden de internamiento", Map.of());
        }
        Map<String, Object> ev = evidence("reference", order.reference(), "issuingAuthority", order.issuingAuthority(),
                "issuedOn", order.issuedOn() == null ? null : order.issuedOn().toString());
        List<String> missing = new ArrayList<>();
        List<String> missingEs = new ArrayList<>();
        if (order.reference() == null) {
            missing.add("reference");
            missingEs.add("referencia");
        }
        if (order.issuingAuthority() == null) {
            missing.add("issuing authority");
            missingEs.add("autoridad emisora");
        }
        if (order.issuedOn() == null) {
            missing.add("date of issue");
            missingEs.add("fecha de emisión");
        }
        if (!missing.isEmpty()) {
            return new Finding(rule, Outcome.FAIL, "The commitment order lacks its " + String.join(", ", missing),
                    "A la orden de internamiento le falta: " + String.join(", ", missingEs), ev);
        }
        if (order.issuedOn().isAfter(on)) {
            return new Finding(rule, Outcome.FAIL, "The commitment order is dated " + order.issuedOn() + ", after " + on,
                    "La orden de internamiento tiene fecha " + order.issuedOn() + ", posterior al " + on, ev);
        }
        return new Finding(rule, Outcome.PASS,
                "Commitment order " + order.reference() + " of " + order.issuingAuthority() + ", " + order.issuedOn(),
                "Orden de internamiento " + order.reference() + " de " + order.issuingAuthority() + ", " + order.issuedOn(), ev);
    }

    private Finding remainingSentence(Dossier d, Agreement agreement, LocalDate on, int days) {
        String rule = RuleType.MIN_REMAINING_SENTENCE_DAYS.name();
        List<Conviction> finals = d.convictions().stream().filter(c -> c.isFinalOn(on)).toList();
        if (finals.isEmpty()) {
            return new Finding(rule, Outcome.FAIL,
                    "No final conviction on " + on + ": there is no sentence to serve",
                    "Ninguna condena firme al " + on + ": no hay pena que cumplir",
                    evidence("requiredDays", days, "evaluatedOn", on.toString()));
        }
        ReleaseDateEstimator.Estimate estimate = estimator.estimate(finals, agreement.sentenceRegime(), agreement.gctDaysPerYear());
        Map<String, Object> ev = evidence("requiredDays", days, "evaluatedOn", on.toString(),
                "regime", agreement.sentenceRegime(), "gctDaysPerYear", agreement.gctDaysPerYear(),
                "basis", estimate.basis());
        if (estimate.indeterminate()) {
            ev.put("releaseDate", null);
            return new Finding(rule, Outcome.PASS, "Life sentence: the sentence is indeterminate",
                    "Cadena perpetua: la pena es indeterminada", ev);
        }
        if (estimate.releaseDate() == null) {
            return new Finding(rule, Outcome.FAIL, "The remaining sentence cannot be computed",
                    "No se puede calcular la pena restante", ev);
        }
        long remaining = ChronoUnit.DAYS.between(on, estimate.releaseDate());
        ev.put("releaseDate", estimate.releaseDate().toString());
        ev.put("remainingDays", remaining);
        if (remaining >= days) {
            return new Finding(rule, Outcome.PASS,
                    remaining + " days remain until release on " + estimate.releaseDate() + " (at least " + days + " required)",
                    "Quedan " + remaining + " días hasta la excarcelación el " + estimate.releaseDate()
                            + " (se exigen al menos " + days + ")", ev);
        }
        return new Finding(rule, Outcome.FAIL,
                "Only " + remaining + " days remain until release on " + estimate.releaseDate() + "; at least " + days
                        + " are required",
                "Solo quedan " + remaining + " días hasta la excarcelación el " + estimate.releaseDate()
                        + "; se exigen al menos " + days, ev);
    }

    private static Finding adult(Dossier d, LocalDate on, int minimumAge) {
        String rule = RuleType.ADULTS_ONLY.name();
        LocalDate born = d.person().dateOfBirth();
        int age = Period.between(born, on).getYears();
        Map<String, Object> ev = evidence("dateOfBirth", born.toString(), "ageOnEvaluationDate", age,
                "minimumAge", minimumAge, "evaluatedOn", on.toString());
        if (!born.isAfter(on) && age >= minimumAge) {
            return new Finding(rule, Outcome.PASS, "Aged " + age + " on " + on + " (at least " + minimumAge + ")",
                    "Tiene " + age + " años al " + on + " (mínimo " + minimumAge + ")", ev);
        }
        return new Finding(rule, Outcome.FAIL,
                "Aged " + age + " on " + on + ": under " + minimumAge + " (turns " + minimumAge + " on "
                        + born.plusYears(minimumAge) + ")",
                "Tiene " + age + " años al " + on + ": menor de " + minimumAge + " (cumple " + minimumAge + " el "
                        + born.plusYears(minimumAge) + ")", ev);
    }

    private static Finding sex(Dossier d, String facilitySex) {
        String rule = RuleType.SEX_OF_FACILITY.name();
        Person.Sex sex = d.person().sex();
        Map<String, Object> ev = evidence("sex", sex.name(), "facilitySex", facilitySex);
        if (facilitySex.isBlank() || "MIXED".equalsIgnoreCase(facilitySex) || sex.name().equalsIgnoreCase(facilitySex)) {
            return new Finding(rule, Outcome.PASS, "The facility holds " + word(facilitySex, false) + "; the person is "
                    + word(sex.name(), false), "El centro aloja a " + word(facilitySex, true) + "; la persona es "
                    + palabra(sex.name()), ev);
        }
        return new Finding(rule, Outcome.FAIL,
                "The facility holds " + word(facilitySex, false) + " only; the person is " + word(sex.name(), false),
                "El centro solo aloja a " + word(facilitySex, true) + "; la persona es " + palabra(sex.name()), ev);
    }

    private static Finding nationalityAllowed(Dossier d, Set<String> allowed) {
        String rule = RuleType.NATIONALITY_ALLOWED.name();
        List<String> nationalities = d.person().nationalities();
        List<String> matching = nationalities.stream().filter(allowed::contains).toList();
        Map<String, Object> ev = evidence("nationalities", nationalities, "allowed", List.copyOf(allowed));
        if (!matching.isEmpty()) {
            return new Finding(rule, Outcome.PASS, "Nationality " + String.join(", ", matching) + " is allowed",
                    "La nacionalidad " + String.join(", ", matching) + " está admitida", ev);
        }
        return new Finding(rule, Outcome.FAIL,
                "No nationality of the person (" + String.join(", ", nationalities) + ") is among those allowed ("
                        + String.join(", ", allowed) + ")",
                "Ninguna nacionalidad de la persona (" + String.join(", ", nationalities) + ") está entre las admitidas ("
                        + String.join(", ", allowed) + ")", ev);
    }

    private static Finding nationalityExcluded(Dossier d, Set<String> excluded) {
        String rule = RuleType.NATIONALITY_EXCLUDED.name();
        List<String> nationalities = d.person().nationalities();
        List<String> matching = nationalities.stream().filter(excluded::contains).toList();
        Map<String, Object> ev = evidence("nationalities", nationalities, "excluded", List.copyOf(excluded));
        if (matching.isEmpty()) {
            return new Finding(rule, Outcome.PASS, "No nationality of the person is excluded",
                    "Ninguna nacionalidad de la persona está excluida", ev);
        }
        return new Finding(rule, Outcome.FAIL, "Nationality " + String.join(", ", matching) + " is excluded",
                "La nacionalidad " + String.join(", ", matching) + " está excluida", ev);
    }

    private static Finding consent(Dossier d) {
        String rule = RuleType.CONSENT_REQUIRED.name();
        Consent consent = d.consent();
        Map<String, Object> ev = evidence("consent", consent == null ? null : consent.name());
        if (consent == Consent.GIVEN) {
            return new Finding(rule, Outcome.PASS, "The person has consented to the transfer",
                    "La persona ha consentido el traslado", ev);
        }
        if (consent == Consent.REFUSED) {
            return new Finding(rule, Outcome.FAIL, "The person has refused consent to the transfer",
                    "La persona ha rehusado consentir el traslado", ev);
        }
        return new Finding(rule, Outcome.FAIL, "The person's consent was not asked",
                "No se ha pedido el consentimiento de la persona", ev);
    }

    private static Finding fitToTravel(Dossier d) {
        String rule = RuleType.FIT_TO_TRAVEL.name();
        Boolean fit = d.medical() == null ? null : d.medical().fitToTravel();
        Map<String, Object> ev = evidence("fitToTravel", fit,
                "conditions", d.medical() == null ? List.of() : d.medical().conditions());
        if (Boolean.TRUE.equals(fit)) {
            return new Finding(rule, Outcome.PASS, "Declared fit to travel", "Declarado apto para viajar", ev);
        }
        if (fit == null) {
            return new Finding(rule, Outcome.FAIL, "There is no assessment of fitness to travel",
                    "No hay evaluación de aptitud para viajar", ev);
        }
        return new Finding(rule, Outcome.FAIL, "Declared not fit to travel", "Declarado no apto para viajar", ev);
    }

    private static Finding excludedOffences(Dossier d, List<String> codes) {
        String rule = RuleType.EXCLUDED_OFFENCES.name();
        List<String> prefixes = codes.stream().map(EligibilityEngine::normalizeCode).filter(c -> !c.isEmpty()).toList();
        List<String> matches = new ArrayList<>();
        for (Conviction c : d.convictions()) {
            for (Conviction.Offence o : c.offences()) {
                String code = normalizeCode(o.code());
                for (String prefix : prefixes) {
                    if (code.startsWith(prefix)) {
                        matches.add(o.code() + " (" + prefix + ", " + c.caseNumber() + ")");
                    }
                }
            }
        }
        Map<String, Object> ev = evidence("excludedCodes", codes, "matches", matches);
        if (matches.isEmpty()) {
            return new Finding(rule, Outcome.PASS, "No offence is among the excluded ones",
                    "Ningún delito está entre los excluidos", ev);
        }
        return new Finding(rule, Outcome.FAIL, "Excluded offence: " + String.join("; ", matches),
                "Delito excluido: " + String.join("; ", matches), ev);
    }

    private static Finding duplicate(Dossier d, IdentityRegistry registry, UUID self) {
        String rule = RuleType.DUPLICATE_PERSON.name();
        Set<String> keys = IdentityKeys.of(d.person());
        if (keys.isEmpty()) {
            return new Finding(rule, Outcome.WARN,
                    "Nothing to compare: no identity document and no biometric reference",
                    "Nada que comparar: sin documento de identidad ni referencia biométrica", Map.of());
        }
        List<IdentityRegistry.Holder> holders = registry.holders(keys, self);
        if (holders.isEmpty()) {
            return new Finding(rule, Outcome.PASS,
                    "No other referral in progress or person in custody carries these identifiers",
                    "Ninguna otra remisión en curso ni persona en custodia tiene estos identificadores",
                    evidence("compared", keys.stream().map(IdentityKeys::describe).toList()));
        }
        List<Map<String, Object>> matches = new ArrayList<>();
        List<String> described = new ArrayList<>();
        for (IdentityRegistry.Holder h : holders) {
            matches.add(evidence("referralId", h.referralId() == null ? null : h.referralId().toString(),
                    "externalReference", h.externalReference(), "agreementCode", h.agreementCode(),
                    "status", h.status().name(), "matchedOn", IdentityKeys.describe(h.key())));
            described.add(h.externalReference() + " [" + h.status() + "] by " + IdentityKeys.describe(h.key()));
        }
        return new Finding(rule, Outcome.FAIL,
                "Already referred or in custody: " + String.join("; ", described),
                "Ya remitido o en custodia: " + String.join("; ", described).replace("] by ", "] por "),
                evidence("matches", matches));
    }

    private static Finding affiliationEvidence(GangAffiliation a) {
        String group = switch (a.group()) {
            case MS13 -> "MS-13";
            case BARRIO_18_SURENOS -> "Barrio 18 Sureños";
            case BARRIO_18_REVOLUCIONARIOS -> "Barrio 18 Revolucionarios";
            case TREN_DE_ARAGUA -> "Tren de Aragua";
            default -> a.text() != null ? a.text() : a.group().name();
        };
        Map<String, Object> ev = evidence("group", a.group().name(), "text", a.text(), "source", a.source(),
                "verified", a.verified());
        boolean sourced = a.source() != null && !a.source().isBlank();
        if (sourced && Boolean.TRUE.equals(a.verified())) {
            return new Finding(GANG_AFFILIATION_EVIDENCE, Outcome.PASS,
                    "Affiliation " + group + " verified by " + a.source(),
                    "Afiliación " + group + " verificada por " + a.source(), ev);
        }
        return new Finding(GANG_AFFILIATION_EVIDENCE, Outcome.WARN,
                "Affiliation " + group + " is asserted " + (sourced ? "by " + a.source() : "without a source")
                        + " and not verified: check it before relying on it for housing",
                "La afiliación " + group + " se afirma " + (sourced ? "según " + a.source() : "sin fuente")
                        + " y no está verificada: compruébela antes de usarla para la ubicación", ev);
    }

    // --- small helpers ---

    static String normalizeCode(String code) {
        return code == null ? "" : code.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    private static Set<String> upper(List<String> values) {
        Set<String> set = new java.util.LinkedHashSet<>();
        values.forEach(v -> set.add(v.trim().toUpperCase(Locale.ROOT)));
        return set;
    }

    /** An evidence map from name/value pairs; keeps nulls (a missing fact is evidence too) and the order. */
    private static Map<String, Object> evidence(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String countEs(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    private static String word(String sex, boolean spanish) {
        return switch (sex.toUpperCase(Locale.ROOT)) {
            case "MALE" -> spanish ? "hombres" : "men";
            case "FEMALE" -> spanish ? "mujeres" : "women";
            default -> spanish ? "hombres y mujeres" : "men and women";
        };
    }

    private static String palabra(String sex) {
        return "MALE".equals(sex) ? "hombre" : "mujer";
    }
}
