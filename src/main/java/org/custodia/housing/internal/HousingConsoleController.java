package org.custodia.housing.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.custodia.common.ApiException;
import org.custodia.common.ConsoleForm;
import org.custodia.common.FieldProblem;
import org.custodia.custody.HousedPrisoner;
import org.custodia.custody.PrisonerCells;
import org.custodia.facility.Facilities;
import org.custodia.housing.internal.rules.Scope;
import org.custodia.identity.Allowed;
import org.custodia.identity.Permission;
import org.custodia.web.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console pages of housing: the occupancy map, plans with their review and apply, recommendations, keep-apart. */
@Controller
@ConsolePage
class HousingConsoleController {

    private final HousingService housing;
    private final Plans plans;
    private final KeepAparts keepAparts;
    private final PrisonerCells prisoners;
    private final Facilities facilities;
    private final CellMoves moves;
    private final org.springframework.context.MessageSource messages;

    HousingConsoleController(HousingService housing, Plans plans, KeepAparts keepAparts, PrisonerCells prisoners,
                             Facilities facilities, CellMoves moves, org.springframework.context.MessageSource messages) {
        this.moves = moves;
        this.messages = messages;
        this.housing = housing;
        this.plans = plans;
        this.keepAparts = keepAparts;
        this.prisoners = prisoners;
        this.facilities = facilities;
    }

    private static String problem(ApiException e) {
        return e.getMessage() + (e.errors().isEmpty() ? "" : ": "
                + String.join("; ", e.errors().stream().map(FieldProblem::message).toList()));
    }

    @GetMapping("/housing/occupancy")
    @Allowed(Permission.FACILITY_READ)
    String occupancy(@RequestParam(defaultValue = "CECOT") String facility, Model model) {
        model.addAttribute("facility", facility);
        try {
            model.addAttribute("occupancy", housing.occupancy(facility));
            model.addAttribute("rivalries", housing.rivalries(facility));
        } catch (ApiException e) {
            model.addAttribute("problem", problem(e));
        }
        return "housing/occupancy";
    }

    @GetMapping("/housing/plans")
    @Allowed(Permission.HOUSING_PLAN)
    String plans(@RequestParam(defaultValue = "CECOT") String facility, @RequestParam(required = false) UUID plan,
                 @RequestParam(required = false) String prisoner, Model model) {
        model.addAttribute("facility", facility);
        model.addAttribute("recent", plans.recent(facility, 10));
        try {
            if (plan != null) {
                model.addAttribute("plan", plans.get(plan));
            }
            if (prisoner != null && !prisoner.isBlank()) {
                model.addAttribute("prisoner", prisoner.trim());
                model.addAttribute("recommendation", plans.recommend(prisoner.trim(), 10));
            }
        } catch (ApiException e) {
            model.addAttribute("problem", problem(e));
        }
        return "housing/plans";
    }

    @PostMapping("/housing/plans")
    @Allowed(Permission.HOUSING_PLAN)
    String plan(@RequestParam String facility, @RequestParam(defaultValue = "") String numbers, RedirectAttributes redirect) {
        List<String> list = Arrays.stream(numbers.split("[\\s,]+")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (list.isEmpty()) {
            list = prisoners.onRoll(facilities.require(facility).code()).stream().filter(p -> p.cell() == null)
                    .map(HousedPrisoner::prisonerNumber).limit(2000).toList();
        }
        try {
            HousingApi.Plan plan = plans.plan(new HousingApi.PlanRequest(facility, list, 5));
            return "redirect:/housing/plans?facility=" + facility + "&plan=" + plan.id();
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", problem(e));
            return "redirect:/housing/plans?facility=" + facility;
        }
    }

    @PostMapping("/housing/plans/{id}/apply")
    @Allowed(Permission.HOUSING_PLAN)
    String apply(@PathVariable UUID id, RedirectAttributes redirect) {
        HousingApi.Plan plan = plans.get(id);
        try {
            plans.apply(id);
            redirect.addFlashAttribute("message", "APPLIED");
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", problem(e));
        }
        return "redirect:/housing/plans?facility=" + plan.facilityCode() + "&plan=" + id;
    }

    /**
     * Moves one prisoner to a cell, from the prisoner page or from a recommendation on the plans page; a move that
     * breaks a rule comes back to the same form with what was typed and, next to the cell, the rule in words.
     */
    @PostMapping("/housing/prisoners/{number}/cell-moves")
    @Allowed(Permission.CELL_MOVE)
    String cellMove(@PathVariable String number, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        boolean toPlans = "plans".equals(form.get("returnTo"));
        HousedPrisoner prisoner = prisoners.find(number).orElseThrow(() ->
                new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND));
        try {
            java.time.ZoneId zone = facilities.require(prisoner.facilityCode()).zone();
            HousingApi.CellMoveResponse moved = moves.move(number, new HousingApi.CellMoveRequest(
                    ConsoleForm.text(form.get("cell")), ConsoleForm.text(form.get("reason")),
                    ConsoleForm.localTime(form.get("occurredAt"), "occurredAt", zone)));
            redirect.addFlashAttribute(toPlans ? "moved" : "message", messages.getMessage("housing.move.done",
                    new Object[] {number, moved.cell()}, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        } catch (ApiException e) {
            ConsoleForm refused = ConsoleForm.refused("cell-move", form, e, Map.of(), "cell").withLocalizedMessages();
            redirect.addFlashAttribute(toPlans ? "moveForm" : "fileForm", refused);
        }
        return toPlans ? "redirect:/housing/plans?facility=" + prisoner.facilityCode() + "&prisoner=" + number
                : "redirect:/prisoners/" + number + "#cell-move";
    }

    @GetMapping("/housing/keep-aparts")
    @Allowed(Permission.FACILITY_READ)
    String keepAparts(@RequestParam(required = false) String involving, Model model) {
        model.addAttribute("involving", involving);
        model.addAttribute("records", involving == null || involving.isBlank() ? keepAparts.recent(50)
                : keepAparts.involving(involving.trim()));
        model.addAttribute("roles", HousingApi.Role.values());
        model.addAttribute("reasons", HousingApi.Reason.values());
        model.addAttribute("scopes", Scope.values());
        return "housing/keep-aparts";
    }

    @PostMapping("/housing/keep-aparts")
    @Allowed(Permission.KEEP_APART_MANAGE)
    String record(@RequestParam String first, @RequestParam HousingApi.Role firstRole, @RequestParam String second,
                  @RequestParam HousingApi.Role secondRole, @RequestParam HousingApi.Reason reason, @RequestParam Scope scope,
                  @RequestParam(defaultValue = "") String comment, @RequestParam String authorisedBy,
                  RedirectAttributes redirect) {
        try {
            keepAparts.create(new HousingApi.KeepApartRequest(new HousingApi.Party(first, firstRole),
                    new HousingApi.Party(second, secondRole), reason, scope, comment.isBlank() ? null : comment, authorisedBy));
            redirect.addFlashAttribute("message", "OPENED");
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", problem(e));
        }
        return "redirect:/housing/keep-aparts?involving=" + first.trim();
    }

    @PostMapping("/housing/keep-aparts/{id}/{action}")
    @Allowed(Permission.KEEP_APART_MANAGE)
    String change(@PathVariable UUID id, @PathVariable String action, @RequestParam String why, RedirectAttributes redirect) {
        try {
            HousingApi.KeepApartChange change = new HousingApi.KeepApartChange(why);
            if ("closure".equals(action)) {
                keepAparts.close(id, change);
            } else {
                keepAparts.reopen(id, change);
            }
        } catch (ApiException e) {
            redirect.addFlashAttribute("problem", problem(e));
        }
        return "redirect:/housing/keep-aparts";
    }
}
