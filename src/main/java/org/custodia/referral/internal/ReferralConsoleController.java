package org.custodia.referral.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.agreement.Agreement;
import org.custodia.agreement.Agreements;
import org.custodia.common.ApiException;
import org.custodia.common.FieldProblem;
import org.custodia.facility.Facilities;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.custodia.identity.CurrentUser;
import org.custodia.identity.Role;
import org.custodia.identity.Users;
import org.custodia.referral.GangAffiliation;
import org.custodia.referral.ReferralSnapshot;
import org.custodia.referral.ReferralStatus;
import org.custodia.referral.SecurityLevel;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.custodia.web.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console pages of referrals: the list with the pipeline, one referral with its findings and the intake
 * officer's decision, the sending agency's submission form. They call the same service as the API.
 */
@Controller
@ConsolePage
class ReferralConsoleController {

    private static final int PAGE_SIZE = 25;

    /** The identity documents the form offers, each shown in words ({@code file.document.<type>}). */
    static final List<String> DOCUMENT_TYPES = List.of("PASSPORT", "NATIONAL_ID", "ID_CARD", "DRIVING_LICENCE",
            "BIRTH_CERTIFICATE");

    private final ReferralService service;
    private final Agreements agreements;
    private final Users users;
    private final ReferralViews views;
    private final Facilities facilities;

    ReferralConsoleController(ReferralService service, Agreements agreements, Users users, ReferralViews views,
                              Facilities facilities) {
        this.service = service;
        this.agreements = agreements;
        this.users = users;
        this.views = views;
        this.facilities = facilities;
    }

    /**
     * The time zone of the facility an agreement sends people to: every time on these pages is that facility's
     * local time (with its abbreviation), as on the manifests and prisoner pages; UTC only for an unknown agreement.
     */
    ZoneId zoneOf(String agreementCode) {
        return agreements.find(agreementCode).flatMap(a -> facilities.find(a.facilityCode())).map(f -> f.zone())
                .orElse(ZoneOffset.UTC);
    }

    /** One bar of the pipeline picture. */
    record Bar(ReferralStatus status, long count, int width, int y) {
    }

    @GetMapping("/referrals")
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String nationality,
                @RequestParam(required = false) String affiliation, @RequestParam(required = false) String agreement,
                @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser user = users.requireCurrent();
        ReferralRepository.Filter filter;
        List<FieldProblem> problems = new ArrayList<>();
        try {
            filter = ReferralController.filter(status, agreement, nationality == null ? null : nationality.toUpperCase(),
                    affiliation, Math.max(page, 0), PAGE_SIZE);
        } catch (ApiException e) {
            problems.addAll(e.errors());
            filter = new ReferralRepository.Filter(null, null, null, null);
        }
        int p = Math.max(page, 0);
        ReferralService.Page result = service.search(filter, p, PAGE_SIZE, user);
        Map<ReferralStatus, Long> counts = service.pipeline(filter, user);
        long max = Math.max(1, counts.values().stream().mapToLong(Long::longValue).max().orElse(1));
        List<Bar> bars = new ArrayList<>();
        int y = 0;
        for (ReferralStatus s : ReferralStatus.values()) {
            long count = counts.get(s);
            bars.add(new Bar(s, count, (int) Math.round(360.0 * count / max), y));
            y += 28;
        }
        model.addAttribute("result", result);
        Map<String, ZoneId> zones = new java.util.HashMap<>();
        result.items().forEach(r -> zones.computeIfAbsent(r.agreementCode(), this::zoneOf));
        model.addAttribute("zones", zones);
        model.addAttribute("bars", bars);
        model.addAttribute("chartHeight", y);
        model.addAttribute("pipelineTotal", counts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("filterProblems", problems);
        model.addAttribute("status", status == null ? "" : status);
        model.addAttribute("nationality", nationality == null ? "" : nationality);
        model.addAttribute("affiliation", affiliation == null ? "" : affiliation);
        model.addAttribute("agreement", agreement == null ? "" : agreement);
        model.addAttribute("statuses", ReferralStatus.values());
        model.addAttribute("groups", GangAffiliation.Group.values());
        // past the count's bound the last page is not known: the pager offers the next one
        model.addAttribute("lastPage", result.totalExact() ? Math.max(0, (result.total() - 1) / PAGE_SIZE) : -1);
        model.addAttribute("canSubmit", canSubmit(user));
        model.addAttribute("canImport", user.can(org.custodia.identity.Permission.REFERRAL_SUBMIT));
        return "referrals";
    }

    @GetMapping("/referrals/{id}")
    String show(@PathVariable String id, Model model) {
        CurrentUser user = users.requireCurrent();
        ReferralSnapshot referral = load(id, user);
        populate(model, referral, user);
        return "referral";
    }

    @PostMapping("/referrals/{id}/decision")
    String decide(@PathVariable String id, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
        CurrentUser user = users.requireCurrent();
        ReferralSnapshot referral = load(id, user);
        try {
            ReferralService.DecisionOutcome outcome = service.decide(referral.id(),
                    new DecisionRequest(decisionOf(decision), reason), user);
            if (outcome.refusal() == null) {
                redirect.addFlashAttribute("notice", "ACCEPT".equals(decision) ? "referral.notice.accepted"
                        : "referral.notice.rejected");
                return "redirect:/referrals/" + referral.id();
            }
            refused(model, outcome.refusal());
            referral = outcome.referral();
        } catch (ApiException e) {
            refused(model, e);
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            referral = load(id, user);
        }
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("attemptedDecision", decision);
        populate(model, referral, user);
        return "referral";
    }

    @PostMapping("/referrals/{id}/withdrawal")
    String withdraw(@PathVariable String id, @RequestParam(required = false) String reason, Model model,
                    RedirectAttributes redirect) {
        CurrentUser user = users.requireCurrent();
        ReferralSnapshot referral = load(id, user);
        try {
            service.withdraw(referral.id(), new WithdrawalRequest(reason), user);
            redirect.addFlashAttribute("notice", "referral.notice.withdrawn");
            return "redirect:/referrals/" + referral.id();
        } catch (ApiException e) {
            refused(model, e);
        }
        model.addAttribute("withdrawalReason", reason == null ? "" : reason);
        populate(model, load(id, user), user);
        return "referral";
    }

    @GetMapping("/referrals/new")
    String form(Model model) {
        CurrentUser user = users.requireCurrent();
        requireSubmitter(user);
        Map<String, String> form = new LinkedHashMap<>();
        List<Agreement> choices = agreementsFor(user);
        if (choices.size() == 1) {
            form.put("agreementCode", choices.get(0).code());
        }
        form.put("c0.judgmentFinal", "true");
        form.put("c0.relation", "CONCURRENT");
        form.put("consent", "NOT_ASKED");
        formModel(model, user, form, List.of());
        return "referral-form";
    }

    @PostMapping("/referrals")
    String submit(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        CurrentUser user = users.requireCurrent();
        requireSubmitter(user);
        Map<String, String> values = new LinkedHashMap<>(form);
        values.remove("_csrf");
        try {
            ReferralSnapshot referral = service.submit(ReferralForm.body(values), user);
            redirect.addFlashAttribute("notice", referral.status() == ReferralStatus.SUBMITTED
                    ? "referral.notice.submitted" : "referral.notice.ineligible");
            return "redirect:/referrals/" + referral.id();
        } catch (ApiException e) {
            List<FieldProblem> problems = e.errors().isEmpty()
                    ? List.of(new FieldProblem("agreementCode", e.code(), e.getMessage())) : e.errors();
            formModel(model, user, values, problems);
            return "referral-form";
        }
    }

    // --- helpers ---

    private ReferralSnapshot load(String id, CurrentUser user) {
        try {
            return service.get(UUID.fromString(id), user);
        } catch (IllegalArgumentException | ApiException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** The form's decision as the request's enum; anything else is the API's own 400 on the field. */
    private static DecisionRequest.Decision decisionOf(String decision) {
        if (decision == null || decision.isBlank()) {
            return null;
        }
        try {
            return DecisionRequest.Decision.valueOf(decision);
        } catch (IllegalArgumentException e) {
            throw ApiException.validation(List.of(new FieldProblem("decision", "INVALID_VALUE",
                    "decision is ACCEPT or REJECT")));
        }
    }

    private void populate(Model model, ReferralSnapshot referral, CurrentUser user) {
        model.addAttribute("referral", referral);
        model.addAttribute("zone", zoneOf(referral.agreementCode()));
        String[] refusal = refusal(referral.handoverRefusedReason());
        model.addAttribute("refusalKind", refusal[0]);
        model.addAttribute("refusalDetails", refusal[1]);
        model.addAttribute("findings", views.eligibility(referral.eligibility(), LocaleContextHolder.getLocale(), false)
                .findings());
        model.addAttribute("evaluations", service.evaluations(referral.id(), user));
        boolean decides = user.role() == Role.INTAKE_OFFICER && referral.status() == ReferralStatus.SUBMITTED
                && !referral.submittedBy().equals(user.username());
        model.addAttribute("canDecide", decides);
        model.addAttribute("canAccept", decides && referral.eligibility().eligible());
        model.addAttribute("canWithdraw", canSubmit(user) && referral.status().isWithdrawable());
        if (!model.containsAttribute("reason")) {
            model.addAttribute("reason", "");
        }
        if (!model.containsAttribute("withdrawalReason")) {
            model.addAttribute("withdrawalReason", "");
        }
    }

    private static void refused(Model model, ApiException e) {
        model.addAttribute("errorCode", e.code());
        model.addAttribute("errorDetail", e.getMessage());
        model.addAttribute("errorFields", e.errors().stream().map(FieldProblem::field).toList());
    }

    private void formModel(Model model, CurrentUser user, Map<String, String> form, List<FieldProblem> problems) {
        model.addAttribute("form", form);
        model.addAttribute("agreements", agreementsFor(user));
        model.addAttribute("problems", problems.stream().map(p -> new ShownProblem(ReferralForm.fieldOf(p), p)).toList());
        model.addAttribute("problemsByField", ReferralForm.byField(problems));
        model.addAttribute("convictionBlocks", List.of(0, 1));
        model.addAttribute("groups", GangAffiliation.Group.values());
        model.addAttribute("levels", SecurityLevel.values());
        model.addAttribute("relations", Arrays.asList("CONCURRENT", "CONSECUTIVE"));
        model.addAttribute("documentTypes", DOCUMENT_TYPES);
    }

    /**
     * A refused handover's reason as transport records it ({@code IDENTITY_NOT_VERIFIED: details} or
     * {@code NOT_ARRIVED KIND: details}): the kind (shown in words) and the details as written.
     */
    static String[] refusal(String reason) {
        if (reason == null || reason.isBlank()) {
            return new String[] {null, ""};
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(?:NOT_ARRIVED )?([A-Z_]+): ?(.*)$",
                java.util.regex.Pattern.DOTALL).matcher(reason.strip());
        return m.matches() ? new String[] {m.group(1), m.group(2)} : new String[] {null, reason.strip()};
    }

    /** A problem of the form as the page shows it: which input it belongs to, and the problem. */
    record ShownProblem(String input, FieldProblem problem) {
        public String inputId() {
            return input.replace('.', '-');
        }
    }

    private List<Agreement> agreementsFor(CurrentUser user) {
        return agreements.all().stream()
                .filter(a -> user.role() != Role.SENDING_AGENCY || a.sendingParty().code().equals(user.partyCode()))
                .filter(a -> a.isActiveOn(service.today()))
                .toList();
    }

    private static boolean canSubmit(CurrentUser user) {
        return user.role() == Role.SENDING_AGENCY || user.role() == Role.ADMIN;
    }

    private static void requireSubmitter(CurrentUser user) {
        if (!canSubmit(user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }
}
