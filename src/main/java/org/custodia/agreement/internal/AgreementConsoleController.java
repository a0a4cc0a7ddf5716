package org.custodia.agreement.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.AgreementStatus;
import org.custodia.agreement.EligibilityRule;
import org.custodia.agreement.Fee;
import org.custodia.agreement.FeeKind;
import org.custodia.agreement.RuleType;
import org.custodia.common.ApiException;
import org.custodia.common.ConsoleForm;
import org.custodia.common.ConsolePage;
import org.custodia.common.FieldProblem;
import org.custodia.identity.Allowed;
import org.custodia.identity.Permission;
import org.custodia.sentence.SentenceCalculator;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's agreement pages: the agreements with status, validity, quota and sentence rules in words; one
 * form to create an agreement and the same, filled in, to amend one, through {@link AgreementService} (the rules of
 * {@code POST} and {@code PUT /api/v1/agreements}). The eligibility policy is a checkbox per rule with its parameters
 * beside it, the fee schedule a table of lines. A refused form keeps what was typed and shows each problem next to its
 * field (the API's paths, such as {@code feeSchedule[1].amount}, are placed back on the form's fields).
 */
@Controller
@ConsolePage
@Allowed(Permission.AGREEMENT_MANAGE)
class AgreementConsoleController {

    /** The parameters each rule takes on the form: its name and how it is typed. */
    record Param(String name, String input) {
    }

    static final Map<RuleType, List<Param>> PARAMS = Map.of(
            RuleType.MIN_REMAINING_SENTENCE_DAYS, List.of(new Param("days", "number")),
            RuleType.ADULTS_ONLY, List.of(new Param("minimumAge", "number")),
            RuleType.SEX_OF_FACILITY, List.of(new Param("sex", "sex")),
            RuleType.NATIONALITY_ALLOWED, List.of(new Param("nationalities", "list")),
            RuleType.NATIONALITY_EXCLUDED, List.of(new Param("nationalities", "list")),
            RuleType.EXCLUDED_OFFENCES, List.of(new Param("offenceCodes", "list")));

    static final List<String> FEE_FIELDS = List.of("kind", "amount", "currency", "effectiveFrom", "effectiveTo",
            "securityLevel");
    static final List<String> FIELDS = List.of("code", "title", "sendingPartyCode", "receivingPartyCode", "status",
            "validFrom", "validTo", "capacityQuota", "sentenceRegime", "gctDaysPerYear", "facilityCode", "rules",
            "feeSchedule");

    private final AgreementService service;
    private final SentenceCalculator sentences;
    private final MessageSource messages;

    AgreementConsoleController(AgreementService service, SentenceCalculator sentences, MessageSource messages) {
        this.service = service;
        this.sentences = sentences;
        this.messages = messages;
    }

    @GetMapping("/admin/agreements")
    String list(Model model) {
        model.addAttribute("agreements", service.all());
        return "admin/agreements";
    }

    @GetMapping("/admin/agreements/new")
    String blank(Model model, Locale locale) {
        if (!model.containsAttribute("agreementForm")) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("status", AgreementStatus.DRAFT.name());
            values.put("sentenceRegime", "US_FEDERAL_FSA");
            values.put("gctDaysPerYear", "54");
            values.put("rule-" + RuleType.FINAL_CONVICTION_REQUIRED.name(), "true");
            values.put("rule-" + RuleType.COMMITMENT_ORDER_REQUIRED.name(), "true");
            values.put("fee0-kind", FeeKind.CUSTODY_DAY.name());
            values.put("fee0-currency", "USD");
            values.put("fee1-kind", FeeKind.INTAKE_FEE.name());
            values.put("fee1-currency", "USD");
            model.addAttribute("agreementForm", ConsoleForm.of("agreement", values));
        }
        return form(null, model, locale);
    }

    @PostMapping("/admin/agreements")
    String create(@RequestParam Map<String, String> form, RedirectAttributes flash) {
        Paths paths = new Paths();
        try {
            Agreement created = service.create(request(form, null, paths));
            flash.addFlashAttribute("done", "agreementAdmin.created");
            return "redirect:/admin/agreements/" + created.code();
        } catch (ApiException e) {
            flash.addFlashAttribute("agreementForm", ConsoleForm.refused("agreement", form, e, paths.map, null));
            return "redirect:/admin/agreements/new#agreement-form";
        }
    }

    @GetMapping("/admin/agreements/{code}")
    String edit(@PathVariable String code, Model model, Locale locale) {
        Agreement agreement = service.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!model.containsAttribute("agreementForm")) {
            model.addAttribute("agreementForm", ConsoleForm.of("agreement", values(agreement)));
        }
        model.addAttribute("agreement", agreement);
        return form(agreement, model, locale);
    }

    @PostMapping("/admin/agreements/{code}")
    String amend(@PathVariable String code, @RequestParam Map<String, String> form, RedirectAttributes flash) {
        service.find(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Paths paths = new Paths();
        try {
            service.amend(code, request(form, code, paths));
            flash.addFlashAttribute("done", "agreementAdmin.amended");
        } catch (ApiException e) {
            flash.addFlashAttribute("agreementForm", ConsoleForm.refused("agreement", form, e, paths.map, null));
        }
        return "redirect:/admin/agreements/" + code + "#agreement-form";
    }

    private String form(Agreement agreement, Model model, Locale locale) {
        ConsoleForm f = (ConsoleForm) model.getAttribute("agreementForm");
        int rows = Math.max(3, feeRows(f) + 1);
        model.addAttribute("feeRows", java.util.stream.IntStream.range(0, Math.min(rows, 12)).boxed().toList());
        model.addAttribute("ruleTypes", Arrays.stream(RuleType.values()).filter(t -> !t.appliesToEveryAgreement()).toList());
        Map<String, List<Param>> params = new LinkedHashMap<>();
        for (RuleType t : RuleType.values()) {
            params.put(t.name(), PARAMS.getOrDefault(t, List.of()));
        }
        model.addAttribute("params", params);
        Map<String, Map<String, String>> words = new LinkedHashMap<>();
        words.put("parties", words(service.parties().stream().map(p -> p.code()).toList(),
                c -> c + " · " + service.parties().stream().filter(p -> p.code().equals(c)).findFirst().orElseThrow().name()));
        words.put("statuses", words(Arrays.stream(AgreementStatus.values()).map(Enum::name).toList(),
                v -> m("agreement.status." + v, locale)));
        words.put("regimes", words(sentences.regimes().stream().sorted().toList(),
                v -> messages.getMessage("agreementAdmin.regime." + v, null, v, locale)));
        words.put("gct", words(List.of("54", "42", "0"), v -> m("agreementAdmin.gct." + v, locale)));
        words.put("feeKinds", words(Arrays.stream(FeeKind.values()).map(Enum::name).toList(), v -> m("fee." + v, locale)));
        words.put("levels", words(List.of("MINIMUM", "MEDIUM", "HIGH", "MAXIMUM"), v -> m("facilityAdmin.level." + v, locale)));
        words.put("sexes", words(List.of("MALE", "FEMALE", "MIXED"), v -> m("facilityAdmin.sex." + v, locale)));
        model.addAttribute("words", words);
        model.addAttribute("labels", labels(locale, rows));
        return "admin/agreement";
    }

    /** The highest fee line with anything typed in it, -1 when none. */
    private static int feeRows(ConsoleForm f) {
        int last = -1;
        if (f != null) {
            for (String key : f.values().keySet()) {
                if (key.matches("fee\\d+-.*") && !f.value(key).isBlank()) {
                    last = Math.max(last, Integer.parseInt(key.substring(3, key.indexOf('-'))));
                }
            }
        }
        return last;
    }

    /** Every form field's label in the page's language, for the problems' summary. */
    private Map<String, String> labels(Locale locale, int rows) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String field : FIELDS) {
            labels.put(field, m("agreementAdmin.form." + field, locale));
        }
        for (RuleType t : RuleType.values()) {
            String rule = m("rule." + t.name(), locale);
            labels.put("rule-" + t.name(), rule);
            for (Param p : PARAMS.getOrDefault(t, List.of())) {
                labels.put("param-" + t.name() + "-" + p.name(), rule + ": " + m("agreementAdmin.param." + p.name(), locale));
            }
        }
        for (int i = 0; i < rows; i++) {
            for (String field : FEE_FIELDS) {
                labels.put("fee" + i + "-" + field, messages.getMessage("agreementAdmin.feeLine", new Object[] {i + 1},
                        locale) + ": " + m("agreementAdmin.fee." + field, locale));
            }
        }
        return labels;
    }

    private static Map<String, String> words(List<String> values, java.util.function.Function<String, String> word) {
        Map<String, String> words = new LinkedHashMap<>();
        values.forEach(v -> words.put(v, word.apply(v)));
        return words;
    }

    private String m(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** Where each path of the API's answer goes back on the form. */
    static final class Paths {
        final Map<String, String> map = new LinkedHashMap<>();

        Paths() {
            map.put("eligibilityPolicy.rules", "rules");
            map.put("eligibilityPolicy", "rules");
            map.put("feeSchedule", "feeSchedule");
        }
    }

    private AgreementRequest request(Map<String, String> form, String code, Paths paths) {
        List<FieldProblem> unreadable = new ArrayList<>();
        List<AgreementRequest.Rule> rules = new ArrayList<>();
        for (RuleType t : RuleType.values()) {
            if (!ConsoleForm.ticked(form.get("rule-" + t.name()))) {
                continue;
            }
            int index = rules.size();
            paths.map.put("eligibilityPolicy.rules[" + index + "].rule", "rule-" + t.name());
            Map<String, Object> parameters = new LinkedHashMap<>();
            for (Param p : PARAMS.getOrDefault(t, List.of())) {
                String field = "param-" + t.name() + "-" + p.name();
                paths.map.put("eligibilityPolicy.rules[" + index + "].parameters." + p.name(), field);
                String typed = form.get(field);
                if (typed == null || typed.isBlank()) {
                    continue;
                }
                switch (p.input()) {
                    case "number" -> {
                        Integer n = read(() -> ConsoleForm.integer(typed, field), unreadable);
                        if (n != null) {
                            parameters.put(p.name(), n);
                        }
                    }
                    case "list" -> parameters.put(p.name(), Arrays.stream(typed.split("[,;\\s]+"))
                            .filter(s -> !s.isBlank()).map(String::strip).toList());
                    default -> parameters.put(p.name(), typed.strip());
                }
            }
            rules.add(new AgreementRequest.Rule(t.name(), parameters));
        }
        List<AgreementRequest.FeeLine> fees = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String prefix = "fee" + i + "-";
            boolean typed = FEE_FIELDS.stream().filter(x -> !x.equals("kind") && !x.equals("currency"))
                    .anyMatch(x -> form.get(prefix + x) != null && !form.get(prefix + x).isBlank());
            if (!typed) {
                continue;
            }
            int index = fees.size();
            for (String x : FEE_FIELDS) {
                paths.map.put("feeSchedule[" + index + "]." + x, prefix + x);
            }
            String fi = prefix;
            FeeKind kind = read(() -> ConsoleForm.choice(FeeKind.class, form.get(fi + "kind"), fi + "kind"), unreadable);
            LocalDate from = read(() -> ConsoleForm.date(form.get(fi + "effectiveFrom"), fi + "effectiveFrom"), unreadable);
            LocalDate to = read(() -> ConsoleForm.date(form.get(fi + "effectiveTo"), fi + "effectiveTo"), unreadable);
            String currency = ConsoleForm.text(form.get(prefix + "currency"));
            fees.add(new AgreementRequest.FeeLine(kind, ConsoleForm.text(form.get(prefix + "amount")),
                    currency == null ? null : currency.toUpperCase(Locale.ROOT), from, to,
                    ConsoleForm.text(form.get(prefix + "securityLevel"))));
        }
        AgreementStatus status = read(() -> ConsoleForm.choice(AgreementStatus.class, form.get("status"), "status"), unreadable);
        LocalDate validFrom = read(() -> ConsoleForm.date(form.get("validFrom"), "validFrom"), unreadable);
        LocalDate validTo = read(() -> ConsoleForm.date(form.get("validTo"), "validTo"), unreadable);
        Integer quota = read(() -> ConsoleForm.integer(form.get("capacityQuota"), "capacityQuota"), unreadable);
        Integer gct = read(() -> ConsoleForm.integer(form.get("gctDaysPerYear"), "gctDaysPerYear"), unreadable);
        Integer version = read(() -> ConsoleForm.integer(form.get("version"), "version"), unreadable);
        if (!unreadable.isEmpty()) {
            throw ApiException.validation(unreadable);
        }
        String agreementCode = code != null ? code : ConsoleForm.text(form.get("code"));
        return new AgreementRequest(agreementCode, ConsoleForm.text(form.get("title")),
                ConsoleForm.text(form.get("sendingPartyCode")), ConsoleForm.text(form.get("receivingPartyCode")), status,
                validFrom, validTo, quota, ConsoleForm.text(form.get("sentenceRegime")), gct,
                ConsoleForm.text(form.get("facilityCode")), new AgreementRequest.Policy(rules), fees, version);
    }

    private static <T> T read(Supplier<T> reading, List<FieldProblem> problems) {
        try {
            return reading.get();
        } catch (ApiException e) {
            problems.addAll(e.errors());
            return null;
        }
    }

    /** The form as the agreement stands. */
    private static Map<String, String> values(Agreement a) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("code", a.code());
        v.put("title", a.title());
        v.put("sendingPartyCode", a.sendingParty().code());
        v.put("receivingPartyCode", a.receivingParty().code());
        v.put("status", a.status().name());
        v.put("validFrom", a.validFrom().toString());
        v.put("validTo", a.validTo() == null ? "" : a.validTo().toString());
        v.put("capacityQuota", Integer.toString(a.capacityQuota()));
        v.put("sentenceRegime", a.sentenceRegime());
        v.put("gctDaysPerYear", Integer.toString(a.gctDaysPerYear()));
        v.put("facilityCode", a.facilityCode());
        v.put("version", Integer.toString(a.version()));
        for (EligibilityRule rule : a.eligibilityPolicy().rules()) {
            v.put("rule-" + rule.rule(), "true");
            rule.ruleType().ifPresent(t -> {
                for (Param p : PARAMS.getOrDefault(t, List.of())) {
                    Object value = rule.parameters().get(p.name());
                    if (value instanceof List<?> list) {
                        v.put("param-" + t.name() + "-" + p.name(), String.join(", ", list.stream().map(String::valueOf).toList()));
                    } else if (value != null) {
                        v.put("param-" + t.name() + "-" + p.name(), String.valueOf(value));
                    }
                }
            });
        }
        List<Fee> fees = a.feeSchedule();
        for (int i = 0; i < fees.size(); i++) {
            Fee fee = fees.get(i);
            v.put("fee" + i + "-kind", fee.kind().name());
            v.put("fee" + i + "-amount", fee.amount().toPlainString());
            v.put("fee" + i + "-currency", fee.currency());
            v.put("fee" + i + "-effectiveFrom", fee.effectiveFrom().toString());
            v.put("fee" + i + "-effectiveTo", fee.effectiveTo() == null ? "" : fee.effectiveTo().toString());
            v.put("fee" + i + "-securityLevel", fee.securityLevel() == null ? "" : fee.securityLevel());
        }
        return v;
    }
}
