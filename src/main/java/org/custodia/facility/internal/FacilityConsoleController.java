package org.custodia.facility.internal;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.common.ApiException;
import org.custodia.common.ConsoleForm;
import org.custodia.common.ConsolePage;
import org.custodia.common.Validation;
import org.custodia.facility.CellAttribute;
import org.custodia.facility.Facility;
import org.custodia.facility.InactiveReason;
import org.custodia.facility.Location;
import org.custodia.facility.LocationKind;
import org.custodia.facility.SecurityLevel;
import org.custodia.identity.Allowed;
import org.custodia.identity.Permission;
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
 * The administrator's facility pages: the facilities with their time zone; one facility's units with the sums of
 * their cells' maximum, working and certified capacity (CNA), and the cells of one unit; a form per location to
 * change its capacities, security level, attributes and whether it is in use, through {@link StructureService} (the
 * same rules and ledger entry as {@code PUT /api/v1/facilities/{code}/locations/{location}}).
 */
@Controller
@ConsolePage
@Allowed(Permission.FACILITY_MANAGE)
class FacilityConsoleController {

    private final StructureService service;
    private final Validator validator;

    FacilityConsoleController(StructureService service, Validator validator) {
        this.service = service;
        this.validator = validator;
    }

    /** A unit and its capacities (sums of its active cells), with how many cells it has and how many are in use. */
    record Unit(Location location, int cells, int activeCells) {
    }

    @GetMapping("/admin/facilities")
    String facilities(Model model) {
        List<Facility> facilities = service.facilities();
        Map<String, int[]> totals = new LinkedHashMap<>();
        for (Facility f : facilities) {
            int[] t = new int[4];
            for (Location l : service.locations(f.code())) {
                if (l.isCell()) {
                    t[0]++;
                    if (l.active()) {
                        t[1] += l.maxCapacity();
                        t[2] += l.workingCapacity();
                        t[3] += l.certifiedNormalAccommodation();
                    }
                }
            }
            totals.put(f.code(), t);
        }
        model.addAttribute("facilities", facilities);
        model.addAttribute("totals", totals);
        return "admin/facilities";
    }

    @GetMapping("/admin/facilities/{code}")
    String facility(@PathVariable String code, @RequestParam(required = false) String unit, Model model) {
        Facility facility = facilityOr404(code);
        List<Location> all = service.locations(facility.code());
        List<Unit> units = new ArrayList<>();
        for (Location l : all) {
            if (!l.isCell()) {
                List<Location> cells = all.stream().filter(c -> c.isCell() && code(c.parentCode()).equals(l.code())).toList();
                units.add(new Unit(l, cells.size(), (int) cells.stream().filter(Location::active).count()));
            }
        }
        model.addAttribute("facility", facility);
        model.addAttribute("units", units);
        if (unit != null) {
            Location chosen = all.stream().filter(l -> l.code().equals(unit) && !l.isCell()).findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            model.addAttribute("unit", chosen);
            model.addAttribute("cells", all.stream().filter(c -> c.isCell() && code(c.parentCode()).equals(unit)).toList());
        }
        return "admin/facility";
    }

    @GetMapping("/admin/facilities/{code}/locations/{location}")
    String location(@PathVariable String code, @PathVariable String location, Model model) {
        Facility facility = facilityOr404(code);
        Location l = service.locations(facility.code()).stream().filter(x -> x.code().equals(location)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("facility", facility);
        model.addAttribute("location", l);
        model.addAttribute("levels", SecurityLevel.values());
        model.addAttribute("attributes", CellAttribute.values());
        model.addAttribute("reasons", InactiveReason.values());
        if (!model.containsAttribute("locationForm")) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("workingCapacity", Integer.toString(l.workingCapacity()));
            values.put("maxCapacity", Integer.toString(l.maxCapacity()));
            values.put("certifiedNormalAccommodation", Integer.toString(l.certifiedNormalAccommodation()));
            values.put("securityLevel", l.securityLevel() == null ? "" : l.securityLevel().name());
            values.put("active", Boolean.toString(l.active()));
            values.put("inactiveReason", l.inactiveReason() == null ? "" : l.inactiveReason().name());
            for (CellAttribute a : l.attributes()) {
                values.put("attribute." + a.name(), "true");
            }
            model.addAttribute("locationForm", ConsoleForm.of("location", values));
        }
        return "admin/location";
    }

    @PostMapping("/admin/facilities/{code}/locations/{location}")
    String change(@PathVariable String code, @PathVariable String location, @RequestParam Map<String, String> form,
                  RedirectAttributes flash) {
        Facility facility = facilityOr404(code);
        try {
            boolean cell = service.locations(facility.code()).stream().filter(x -> x.code().equals(location))
                    .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)).isCell();
            Set<CellAttribute> attributes = EnumSet.noneOf(CellAttribute.class);
            for (CellAttribute a : CellAttribute.values()) {
                if (ConsoleForm.ticked(form.get("attribute." + a.name()))) {
                    attributes.add(a);
                }
            }
            List<org.custodia.common.FieldProblem> unreadable = new ArrayList<>();
            Integer working = cell ? read(() -> ConsoleForm.integer(form.get("workingCapacity"), "workingCapacity"), unreadable) : null;
            Integer max = cell ? read(() -> ConsoleForm.integer(form.get("maxCapacity"), "maxCapacity"), unreadable) : null;
            Integer cna = cell ? read(() -> ConsoleForm.integer(form.get("certifiedNormalAccommodation"),
                    "certifiedNormalAccommodation"), unreadable) : null;
            SecurityLevel level = read(() -> ConsoleForm.choice(SecurityLevel.class, form.get("securityLevel"),
                    "securityLevel"), unreadable);
            InactiveReason reason = read(() -> ConsoleForm.choice(InactiveReason.class, form.get("inactiveReason"),
                    "inactiveReason"), unreadable);
            if (!unreadable.isEmpty()) {
                throw ApiException.validation(unreadable);
            }
            boolean active = ConsoleForm.ticked(form.get("active"));
            StructureController.LocationChange change = new StructureController.LocationChange(working, max, cna, level,
                    attributes, active, active ? null : reason);
            Validation v = new Validation().check(validator, change);
            v.throwIfInvalid();
            service.change(facility.code(), location, change);
            flash.addFlashAttribute("done", true);
        } catch (ApiException e) {
            Map<String, String> typed = new LinkedHashMap<>(form);
            typed.putIfAbsent("active", "false");
            flash.addFlashAttribute("locationForm", ConsoleForm.refused("location", typed, e, Map.of(), null));
        }
        return "redirect:/admin/facilities/" + facility.code() + "/locations/" + location;
    }

    private static <T> T read(java.util.function.Supplier<T> reading, List<org.custodia.common.FieldProblem> problems) {
        try {
            return reading.get();
        } catch (ApiException e) {
            problems.addAll(e.errors());
            return null;
        }
    }

    private Facility facilityOr404(String code) {
        return service.facilities().stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String code(String value) {
        return value == null ? "" : value;
    }

    static boolean isKind(Location l, LocationKind kind) {
        return kind.name().equals(l.kind());
    }
}
